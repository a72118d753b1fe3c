"""The rules tests' ward with its people and a department, as fixtures of the rotation planner's tests."""

from canbo.careers.tests.conftest import board, department
from canbo.rules.tests.conftest import people, ward

__all__ = ["board", "department", "people", "ward"]
