# Django's Vietnamese formats name "." as the thousands separator but set no grouping, so 3000 stayed 3000;
# Vietnamese writes 3.000 (and 19,2 for a decimal).
from django.conf.locale.vi.formats import *  # noqa: F403

NUMBER_GROUPING = 3
