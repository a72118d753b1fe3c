"""`canbo backup` and `canbo restore`: a round trip gives back every row and the same audit chain, and a
damaged or altered archive is refused. On PostgreSQL these run pg_dump and pg_restore (or dumpdata)."""

import hashlib
import io
import json
import tarfile

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from canbo.audit.models import AuditEntry
from canbo.audit.services import chain_head
from canbo.core import backup, testing
from canbo.organizations.models import OrgUnitKind
from canbo.people.models import Cadre
from canbo.people.services import cadre_update

# pg_dump and pg_restore see only committed rows: the data must really be in the database.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def data(db):
    province = testing.make_unit("Thành phố Hải Phòng", OrgUnitKind.CITY, code="31")
    commune = testing.make_unit("Xã Kỳ Nam", OrgUnitKind.COMMUNE, parent=province, code="11311")
    cadres = [testing.make_cadre(name, managed_by=commune) for name in ("Nguyễn Văn Giáp", "Trần Thị Đào")]
    cadre_update(cadres[0], phone="0912345678")
    return cadres


def run(*args) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def rewrite(archive, target, *, manifest=None, data=None, forge_checksum=False):
    """A copy of `archive` with its manifest or its data file changed (the data file named as the manifest
    says); with `forge_checksum` the manifest gets the changed data's checksum, as a forger would do."""
    with tarfile.open(archive, "r:gz") as source:
        described = json.load(source.extractfile(backup.MANIFEST))
        body = source.extractfile(described["data"]).read()
    if manifest is not None:
        described = manifest(described)
    if data is not None:
        body = data(body)
    if forge_checksum:
        described["sha256"] = hashlib.sha256(body).hexdigest()
    with tarfile.open(target, "w:gz") as copy:
        for name, content in ((backup.MANIFEST, json.dumps(described).encode()), (described["data"], body)):
            info = tarfile.TarInfo(name)
            info.size = len(content)
            copy.addfile(info, io.BytesIO(content))


def test_round_trip_restores_every_row_and_the_audit_chain(data, tmp_path):
    archive = tmp_path / "canbo.tar.gz"
    out = run("backup", str(archive))
    assert f"Backed up to {archive}" in out
    with tarfile.open(archive, "r:gz") as opened:
        manifest = json.load(opened.extractfile(backup.MANIFEST))
    assert manifest["method"] == backup.default_method()
    assert manifest["counts"]["people_cadre"] == 2
    assert manifest["counts"]["audit_auditentry"] == AuditEntry.objects.count() > 0
    # The backup is recorded as an export, inside the archive it made.
    head = chain_head()
    entry = AuditEntry.objects.get(sequence=head[0])
    assert (entry.action, entry.object_repr) == ("export", f"backup ({entry.changes['count'][1]})")
    assert (manifest["audit"]["head_sequence"], manifest["audit"]["head_hash"]) == head

    # Work after the backup: a new cadre, a changed one, a removed one.
    testing.make_cadre("Lê Văn Giang", managed_by=data[0].managed_by)
    cadre_update(data[0], phone="0999999999")
    Cadre.objects.filter(pk=data[1].pk).delete()

    out = run("restore", "--noinput", str(archive))
    assert "Restored and verified" in out
    assert f"chain head #{head[0]} {head[1][:12]}" in out
    assert sorted(Cadre.objects.values_list("full_name", flat=True)) == ["Nguyễn Văn Giáp", "Trần Thị Đào"]
    assert Cadre.objects.get(pk=data[0].pk).phone == "0912345678"
    counts = backup.table_counts()
    assert counts.pop("audit_auditentry") == manifest["counts"].pop("audit_auditentry") + 1
    assert counts == manifest["counts"]
    # The trail goes on from the restored head: first the restore itself, then the site's work.
    restored = AuditEntry.objects.order_by("-sequence").first()
    assert (restored.sequence, restored.previous_hash) == (head[0] + 1, head[1])
    assert (restored.action, restored.model, restored.changes["archive"]) == (
        "bulk",
        "restore",
        [None, archive.name],
    )
    cadre_update(Cadre.objects.get(pk=data[0].pk), phone="0900000000")
    assert "Audit trail intact" in run("audit", "verify")


def test_verify_only_checks_an_archive_without_touching_the_data(data, tmp_path):
    archive = tmp_path / "canbo.tar.gz"
    run("backup", str(archive))
    testing.make_cadre("Lê Văn Giang", managed_by=data[0].managed_by)
    out = run("restore", "--verify-only", str(archive))
    assert "Archive verified" in out
    assert "rows as in the manifest; audit trail intact" in out
    assert Cadre.objects.count() == 3


def test_an_archive_that_does_not_match_its_manifest_is_named(data, tmp_path):
    archive = tmp_path / "canbo.tar.gz"
    run("backup", str(archive))

    def one_cadre_more(manifest):
        manifest["counts"]["people_cadre"] += 1
        return manifest

    wrong = tmp_path / "wrong-counts.tar.gz"
    rewrite(archive, wrong, manifest=one_cadre_more)
    with pytest.raises(CommandError, match="people_cadre: 2 rows, expected 3 rows"):
        run("restore", "--verify-only", str(wrong))

    def other_head(manifest):
        manifest["audit"]["head_hash"] = "f" * 64
        return manifest

    wrong = tmp_path / "wrong-head.tar.gz"
    rewrite(archive, wrong, manifest=other_head)
    with pytest.raises(CommandError, match="audit chain head is #"):
        run("restore", "--verify-only", str(wrong))


def test_a_damaged_archive_is_refused_before_anything_is_restored(data, tmp_path):
    archive = tmp_path / "canbo.tar.gz"
    run("backup", str(archive))
    damaged = tmp_path / "damaged.tar.gz"
    rewrite(archive, damaged, data=lambda body: body[:-1] + bytes([body[-1] ^ 1]))
    testing.make_cadre("Lê Văn Giang", managed_by=data[0].managed_by)
    with pytest.raises(CommandError, match="does not match its checksum"):
        run("restore", "--noinput", str(damaged))
    assert Cadre.objects.count() == 3
    truncated = tmp_path / "truncated.tar.gz"
    truncated.write_bytes(archive.read_bytes()[:200])
    with pytest.raises(CommandError, match="cannot be read as a Canbo backup"):
        run("restore", "--verify-only", str(truncated))


def test_an_edited_audit_row_in_an_archive_fails_the_verification(data, tmp_path):
    """An archive rebuilt with an edited audit entry (and its checksum) still fails: the chain breaks."""
    archive = tmp_path / "canbo.tar.gz"
    run("backup", "--portable", str(archive))
    forged = tmp_path / "forged.tar.gz"
    # The phone number stands in the cadre's row and in the audit entry that recorded it.
    rewrite(
        archive, forged, data=lambda body: body.replace(b"0912345678", b"0987654321"), forge_checksum=True
    )
    with pytest.raises(CommandError, match="audit trail broken at entry #"):
        run("restore", "--noinput", str(forged))


def test_portable_archive_round_trip(data, tmp_path):
    archive = tmp_path / "canbo.tar.gz"
    assert "(dumpdata)" in run("backup", "--portable", str(archive))
    head = chain_head()
    Cadre.objects.filter(pk=data[1].pk).delete()
    assert "Restored and verified (dumpdata" in run("restore", "--noinput", str(archive))
    assert Cadre.objects.count() == 2
    assert AuditEntry.objects.get(sequence=head[0]).hash == head[1]


def test_an_archive_is_restored_into_its_own_kind_of_database(data, tmp_path):
    archive = tmp_path / "canbo.tar.gz"
    run("backup", str(archive))
    method = "pg_dump" if connection.vendor == "sqlite" else "sqlite"

    def other_method(manifest):
        manifest["method"], manifest["data"] = method, backup.DATA_FILES[method]
        return manifest

    other = tmp_path / "other.tar.gz"
    rewrite(archive, other, manifest=other_method)
    with pytest.raises(CommandError, match="restore it into"):
        run("restore", "--noinput", str(other))
