"""Consent-based adviser access: granted → the adviser reads the timeline, file and activity log; revoked → gone
at once; every read logged where the person sees it. PostgreSQL enforces it (a second policy), not the code."""

from __future__ import annotations

import uuid
from datetime import date

import pytest
from sqlalchemy import text
from sqlalchemy.exc import ProgrammingError

from spoor2.errors import InvalidInput
from spoor2.my_file.whole import whole_document
from spoor2.store import Store, hosted, postgres
from spoor2.store import journal as journal_repo
from spoor2.store import my_data as data_io
from spoor2.store import my_file_view as file_repo
from spoor2.store import timeline as timeline_repo
from spoor2.store import tracker as activities_repo
from spoor2.store.migrations import owned_tables
from tests.support.my_data import AS_OF, fill_store
from tests.support.postgres import new_owner


@pytest.fixture
def login() -> str:
    """The adviser's login as they type it: mixed case, unique to the test (one database per module)."""
    return f"Adviseur.{uuid.uuid4().hex[:8]}@Vakbond.example"


@pytest.fixture
def people(pg_database, login):  # type: ignore[no-untyped-def]
    """A person with data, their adviser (a person of the same database) and a stranger."""
    base = Store(pg_database.app_url)
    person = base.for_owner(new_owner(), login="anna@example.org")
    fill_store(person)
    with person.transaction() as conn:  # fill_store's example grant is not this test's
        conn.execute(text("DELETE FROM adviser_grants WHERE owner_id = :o"), {"o": person.owner_id})
        conn.execute(text("DELETE FROM adviser_reads WHERE owner_id = :o"), {"o": person.owner_id})
    adviser = base.for_owner(new_owner(), login=login)  # a login of this test alone (one database per module)
    stranger = base.for_owner(new_owner(), login="someone@else.example")
    yield person, adviser, stranger
    base.close()


def test_nothing_is_visible_without_a_grant(people, login):
    person, adviser, _ = people
    assert hosted.granted_to_me(adviser) == []
    with pytest.raises(InvalidInput) as raised:
        hosted.adviser_view(adviser, person.owner_id)
    assert raised.value.code == "adviser_no_grant"
    # and not through a view made by hand either: the database has no grant, so it returns nothing
    by_hand = Store(owner_id=person.owner_id, login=login, _engine=adviser.engine)
    by_hand.session_owner = adviser.owner_id
    assert activities_repo.list_activities(by_hand) == []
    assert timeline_repo.load_timeline_input(by_hand) is None


def test_a_granted_adviser_reads_the_timeline_file_and_activities_and_every_read_is_logged(people, login):
    person, adviser, stranger = people
    grant = hosted.grant_adviser(person, login)
    assert grant.adviser_login == login.lower() and grant.active
    assert hosted.list_grants(person) == [grant]
    assert [g.owner_id for g in hosted.granted_to_me(adviser)] == [person.owner_id]
    assert hosted.granted_to_me(stranger) == []

    view = hosted.adviser_view(adviser, person.owner_id)
    assert view.read_only
    assert timeline_repo.load_timeline_input(view) == timeline_repo.load_timeline_input(person)
    assert [a.organisation for a in activities_repo.list_activities(view)] == ["Acme"]
    evidence = activities_repo.list_activities(view)[0].evidence_file
    with view.read() as conn:
        content = conn.execute(
            text("SELECT content FROM evidence_files WHERE owner_id = :o AND id = :id"),
            {"o": person.owner_id, "id": evidence},
        ).scalar()
    assert bytes(content).startswith(b"%PDF")
    hosted.log_read(view, "activities")
    # outside the grant's scope (settings, questionnaires) the adviser sees nothing
    assert timeline_repo.get_setting(view, "timeline.view") is None
    assert data_io.counts(view)["orientation_results"] == 0

    reads = hosted.list_reads(person)
    assert [(r.adviser_login, r.what) for r in reads] == [(login.lower(), "activities"), (login.lower(), "opened")]
    assert hosted.list_reads(adviser) == []  # the log is the person's, not the adviser's


def test_the_adviser_cannot_write_nor_read_more_than_was_granted(people, login):
    person, adviser, _ = people
    hosted.grant_adviser(person, login)
    view = hosted.adviser_view(adviser, person.owner_id)
    with pytest.raises(ProgrammingError, match="row-level security"):
        timeline_repo.set_setting(view, "timeline.view", "chart")
    with view.read() as conn:
        changed = conn.execute(
            text("UPDATE activities SET organisation = 'X' WHERE owner_id = :o"), {"o": person.owner_id}
        )
        assert changed.rowcount == 0
        assert conn.execute(text("SELECT COUNT(*) FROM owners")).scalar() == 1  # only the adviser themselves
        # the grants the adviser sees are the ones made to them, nobody else's
        assert conn.execute(text("SELECT COUNT(*) FROM adviser_grants")).scalar() == 1
    # nor can they put a line in the log in another adviser's name
    with pytest.raises(ProgrammingError, match="row-level security"), view.transaction() as conn:
        conn.execute(
            text(
                "INSERT INTO adviser_reads (id, owner_id, adviser_login, what, read_at) "
                "VALUES ('x', :o, 'z', 'w', 'now')"
            ),
            {"o": person.owner_id},
        )


def test_revoking_ends_access_at_once_also_for_a_view_already_open(people, login):
    person, adviser, _ = people
    hosted.grant_adviser(person, login)
    view = hosted.adviser_view(adviser, person.owner_id)
    assert activities_repo.list_activities(view)
    hosted.revoke_adviser(person, login.upper())
    assert activities_repo.list_activities(view) == []
    assert timeline_repo.load_timeline_input(view) is None
    assert hosted.granted_to_me(adviser) == []
    with pytest.raises(ProgrammingError, match="row-level security"):
        hosted.log_read(view, "timeline")
    [grant] = hosted.list_grants(person)
    assert not grant.active and grant.revoked_at is not None  # the person still sees when they revoked it
    # granting again opens it again
    assert hosted.grant_adviser(person, login).active
    assert activities_repo.list_activities(view)


def test_a_strangers_grants_and_log_are_invisible(people, login):
    person, adviser, stranger = people
    hosted.grant_adviser(person, login)
    hosted.log_read(hosted.adviser_view(adviser, person.owner_id), "timeline")
    assert hosted.list_grants(stranger) == []
    with stranger.read() as conn:
        assert conn.execute(text("SELECT COUNT(*) FROM adviser_grants")).scalar() == 0
        assert conn.execute(text("SELECT COUNT(*) FROM adviser_reads")).scalar() == 0


@pytest.mark.parametrize("login", ["", "   ", "two words@example.org", "x" * 300, "tab\there"])
def test_a_login_that_is_not_one_is_refused(people, login):
    person, _, _ = people
    with pytest.raises(InvalidInput) as raised:
        hosted.grant_adviser(person, login)
    assert raised.value.code == "adviser_login_invalid"
    assert hosted.list_grants(person) == []


def test_granting_yourself_is_refused(people):
    person, _, _ = people
    with pytest.raises(InvalidInput) as raised:
        hosted.grant_adviser(person, "Anna@Example.org ")
    assert raised.value.code == "adviser_login_is_you"


def test_grants_and_the_log_go_with_delete_everything(people, login):
    person, adviser, _ = people
    hosted.grant_adviser(person, login)
    hosted.adviser_view(adviser, person.owner_id)
    data_io.delete_everything(person)
    assert hosted.granted_to_me(adviser) == []
    assert hosted.list_reads(person) == [] and hosted.list_grants(person) == []


def test_a_local_store_offers_no_grants(store, login):
    with pytest.raises(InvalidInput) as raised:
        hosted.grant_adviser(store, login)
    assert raised.value.code == "adviser_access_hosted_only"
    assert "own computer" in raised.value.message("en") and "eigen computer" in raised.value.message("nl")
    assert hosted.list_grants(store) == [] and hosted.granted_to_me(store) == [] and hosted.list_reads(store) == []
    with pytest.raises(InvalidInput):
        hosted.adviser_view(store, "someone")


def test_the_timeline_an_adviser_reads_is_the_persons_own(people, login):
    person, adviser, _ = people
    hosted.grant_adviser(person, login)
    view = hosted.adviser_view(adviser, person.owner_id)
    records = timeline_repo.milestone_records(view)
    assert records == timeline_repo.milestone_records(person) and records
    assert all(isinstance(day, date) for day in records.values())


def test_the_adviser_reads_the_persons_file_as_the_person_sees_it(people, login):
    """The file (/my-file's whole file: proposals, meetings, the check and its facts, the person's view, the
    expert-request drafts) reads the same through the adviser's view as for the person; revoked, it is gone."""
    person, adviser, _ = people
    hosted.grant_adviser(person, login)
    view = hosted.adviser_view(adviser, person.owner_id)
    theirs, seen = file_repo.whole_file(person, AS_OF), file_repo.whole_file(view, AS_OF)
    assert seen == theirs
    assert seen.proposals and seen.meetings and seen.sections and seen.signature is not None
    assert whole_document(seen, "nl", AS_OF).to_text() == whole_document(theirs, "nl", AS_OF).to_text()
    assert file_repo.expert_requests(view) == file_repo.expert_requests(person) != {}
    hosted.revoke_adviser(person, login)
    gone = file_repo.whole_file(view, AS_OF)
    assert not gone.proposals and not gone.meetings and not gone.sections and gone.signature is None
    assert gone.timeline is None and not gone.activities
    assert file_repo.expert_requests(view) == {}


def test_the_adviser_policy_covers_exactly_the_timeline_file_and_activity_log(people, login, pg_database):
    """The second policy is on ADVISER_READABLE and nowhere else; every other table of the person (generated
    from the migrations' list, so a new table is private until it is added) stays invisible to the adviser."""
    person, adviser, _ = people
    with person.read() as conn:
        on = set(
            conn.execute(
                text("SELECT tablename FROM pg_policies WHERE schemaname = current_schema() AND policyname = :p"),
                {"p": postgres.ADVISER_POLICY},
            ).scalars()
        )
    assert on == set(postgres.ADVISER_READABLE)
    assert not {t for t in postgres.ADVISER_READABLE if t.startswith(("journal_", "orientation_", "cv_"))}
    hosted.grant_adviser(person, login)
    view = hosted.adviser_view(adviser, person.owner_id)
    tables = set(owned_tables()) | {"evidence_files"}
    for table in sorted(tables):
        query = text(f'SELECT COUNT(*) FROM "{table}" WHERE owner_id = :o')  # the migrations' own names
        with person.read() as conn:
            mine = conn.execute(query, {"o": person.owner_id}).scalar()
        with view.read() as conn:
            read = conn.execute(query, {"o": person.owner_id}).scalar()
        if table in postgres.ADVISER_READABLE:
            assert read == mine and mine, table  # fill_store wrote every readable table
        elif table == "adviser_grants":
            assert read == 1, table  # the one grant made to this adviser (whose data they may read)
        elif table == "adviser_reads":
            assert read == 0 and mine, table  # the log is the person's: the adviser only adds to it
        else:
            assert read == 0, table
    # the journal in particular: the adviser's view of it is empty, the person's is not
    assert journal_repo.entries(person) and journal_repo.entries(view) == []
    assert journal_repo.costs(person) and journal_repo.costs(view) == []
    assert journal_repo.typical_day(person, "nl") and journal_repo.typical_day(view, "nl") is None


def test_db_migrate_brings_the_adviser_policy_of_this_version_to_a_database_of_an_earlier_one(pg_fresh_database):
    """A database migrated by a version whose adviser policy did not cover the meetings yet (simulated by
    dropping it): the adviser reads less, never more, until ``db migrate`` (the upgrade step, with nothing
    to apply) re-applies the policies of this version."""
    from sqlalchemy import create_engine

    from spoor2.cli import main
    from spoor2.store import questions as questions_repo

    base = Store(pg_fresh_database.app_url)
    person = base.for_owner(new_owner(), login="anna@example.org")
    fill_store(person)
    adviser = base.for_owner(new_owner(), login="adviseur@vakbond.example")
    hosted.grant_adviser(person, "adviseur@vakbond.example")
    engine = create_engine(pg_fresh_database.owner_url)
    with engine.begin() as conn:
        conn.execute(text(f"DROP POLICY {postgres.ADVISER_POLICY} ON meetings"))
    engine.dispose()
    view = hosted.adviser_view(adviser, person.owner_id)
    assert questions_repo.meetings(view) == [] and questions_repo.meetings(person)
    assert main(["db", "migrate", "--url", pg_fresh_database.owner_url]) == 0
    assert questions_repo.meetings(view) == questions_repo.meetings(person)
    base.close()
