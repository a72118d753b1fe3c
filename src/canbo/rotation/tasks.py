"""Background tasks of the rotation planner (django-tasks: a worker runs them, `canbo db_worker`)."""

from django_tasks import task

from .models import RotationRound
from .services import round_solve


@task()
def solve_round(round_id: int) -> float:
    """Solve a round and store its plan; answers the plan's total score."""
    rnd = RotationRound.objects.get(pk=round_id)
    return round_solve(rnd).best_total
