"""Periods of one seat, and exclusive periods of one cadre, may not overlap: enforced by the database itself."""

from django.db import migrations

from canbo.core.migration_ops import VendorSQL

OVERLAP = "a.start_date < COALESCE(NEW.end_date, '9999-12-31') AND NEW.start_date < COALESCE(a.end_date, '9999-12-31')"
SEAT = f"a.position_id = NEW.position_id AND a.seat = NEW.seat AND {OVERLAP}"
CADRE = f"a.cadre_id = NEW.cadre_id AND NOT a.is_concurrent AND NOT NEW.is_concurrent AND {OVERLAP}"


def trigger(name, when, condition, message, exclude_self):
    self_clause = " AND a.id <> NEW.id" if exclude_self else ""
    return (
        f"CREATE TRIGGER {name} BEFORE {when} ON careers_assignment "
        f"WHEN EXISTS (SELECT 1 FROM careers_assignment a WHERE {condition}{self_clause}) "
        f"BEGIN SELECT RAISE(ABORT, '{message}'); END;"
    )


class Migration(migrations.Migration):
    dependencies = [("careers", "0001_initial")]

    operations = [
        VendorSQL(
            "postgresql",
            [
                "CREATE EXTENSION IF NOT EXISTS btree_gist",
                "ALTER TABLE careers_assignment ADD CONSTRAINT assignment_seat_no_overlap EXCLUDE USING gist "
                "(position_id WITH =, seat WITH =, daterange(start_date, end_date, '[)') WITH &&)",
                "ALTER TABLE careers_assignment ADD CONSTRAINT assignment_exclusive_no_overlap EXCLUDE USING gist "
                "(cadre_id WITH =, daterange(start_date, end_date, '[)') WITH &&) WHERE (NOT is_concurrent)",
            ],
            [
                "ALTER TABLE careers_assignment DROP CONSTRAINT assignment_exclusive_no_overlap",
                "ALTER TABLE careers_assignment DROP CONSTRAINT assignment_seat_no_overlap",
            ],
        ),
        VendorSQL(
            "sqlite",
            [
                trigger("assignment_seat_overlap_ins", "INSERT", SEAT, "assignment_seat_no_overlap", False),
                trigger("assignment_seat_overlap_upd", "UPDATE", SEAT, "assignment_seat_no_overlap", True),
                trigger("assignment_cadre_overlap_ins", "INSERT", CADRE, "assignment_exclusive_no_overlap", False),
                trigger("assignment_cadre_overlap_upd", "UPDATE", CADRE, "assignment_exclusive_no_overlap", True),
            ],
            [
                f"DROP TRIGGER {n}"
                for n in (
                    "assignment_seat_overlap_ins",
                    "assignment_seat_overlap_upd",
                    "assignment_cadre_overlap_ins",
                    "assignment_cadre_overlap_upd",
                )
            ],
        ),
    ]
