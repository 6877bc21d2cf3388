"""The expert-opinion pack: documents per question, what the person has, and a zip of exactly what was chosen."""

from __future__ import annotations

import io
import zipfile
from datetime import date

import pytest

from spoor2.errors import InvalidInput
from spoor2.i18n import t
from spoor2.legal.sources import get_source
from spoor2.my_file import expert as rules
from tests.support.pdf_text import pdf_text

TODAY = date(2026, 12, 1)


def test_each_question_lists_the_documents_uwv_names_for_it():
    assert [d.id for d in rules.needed_documents("own_work")] == ["job_description", "doctor_messages"]
    assert [d.id for d in rules.needed_documents("suitable_work")] == [
        "work_description",
        "doctor_messages",
        "labour_expert_report",
    ]
    effort = [d.id for d in rules.needed_documents("effort")]
    assert effort[:5] == [
        "problem_analysis",
        "action_plan",
        "action_plan_updates",
        "evaluations",
        "first_year_evaluation",
    ]
    with pytest.raises(InvalidInput):
        rules.needed_documents("effort_of_the_employee")
    for sid in (*rules.DOCUMENT_SOURCES, *rules.ABOUT_SOURCES):
        assert get_source(sid).url


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_every_document_and_question_has_a_text(lang):
    for q in rules.QUESTIONS:
        assert not t(lang, f"my_file_view.question.{q}").startswith("my_file_view.")
        for doc in rules.needed_documents(q):
            assert not t(lang, f"my_file_view.expert_doc.{doc.id}").startswith("my_file_view.")


def test_what_the_person_has_comes_from_the_checklist_else_from_their_tick():
    request = rules.clean_request("effort", "", ["doctor_messages"], [])
    received = {"problem_analysis": date(2025, 10, 6), "evaluations": None}
    states = {s.doc.id: (s.state, s.on, s.from_checklist) for s in rules.document_statuses(request, received)}
    assert states["problem_analysis"] == ("have", date(2025, 10, 6), True)
    assert states["evaluations"] == ("have", None, True)
    assert states["doctor_messages"] == ("have", None, False)
    assert states["action_plan"][0] == "missing"
    assert states["labour_expert_report"][0] == "optional_missing"


def test_a_request_refuses_unknown_documents_and_long_text_and_too_many_files():
    with pytest.raises(InvalidInput):
        rules.clean_request("own_work", "", ["labour_expert_report"], [])  # not a document of this question
    with pytest.raises(InvalidInput):
        rules.clean_request("own_work", "x" * (rules.MAX_BODY_CHARS + 1), [], [])
    assert rules.clean_request("own_work", "x" * rules.MAX_BODY_CHARS, [], []).body
    with pytest.raises(InvalidInput):
        rules.clean_request("own_work", "", [], [f"evidence/{n:032x}.pdf" for n in range(rules.MAX_FILES + 1)])


def _files() -> list[rules.PackFile]:
    return [
        rules.PackFile("evidence/" + "a" * 32 + ".pdf", "2 Nov 2026 · Acme · Planner", "pdf", b"%PDF-1.4 one"),
        rules.PackFile("evidence/" + "b" * 32 + ".png", "../../etc/passwd <b>", "png", b"\x89PNG two"),
    ]


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_zip_holds_the_summary_and_exactly_the_files_chosen(lang):
    request = rules.clean_request("suitable_work", "Is =HYPERLINK(1) <b>werk</b> passend?", ["work_description"], [])
    data = rules.build_pack(request, {"labour_expert_report": date(2026, 6, 1)}, _files(), lang, TODAY)
    with zipfile.ZipFile(io.BytesIO(data)) as pack:
        names = pack.namelist()
        assert names == [
            f"00-{t(lang, 'my_file_view.pack.summary_file')}.pdf",
            "01-2-nov-2026-acme-planner.pdf",
            "02-etc-passwd-b.png",
        ]
        assert pack.read(names[1]) == b"%PDF-1.4 one" and pack.read(names[2]) == b"\x89PNG two"
        summary = " ".join(pdf_text(pack.read(names[0])).split())
    assert "Is =HYPERLINK(1) <b>werk</b> passend?" in summary
    assert t(lang, "my_file_view.pack.files_title", count=2) in summary
    for name in names[1:]:
        assert name in summary
    assert "€100" in summary


def test_an_empty_pack_says_no_files_and_lists_what_is_missing():
    request = rules.ExpertRequest(question_id="own_work")
    data = rules.build_pack(request, {}, [], "en", TODAY)
    with zipfile.ZipFile(io.BytesIO(data)) as pack:
        assert len(pack.namelist()) == 1
        summary = " ".join(pdf_text(pack.read(pack.namelist()[0])).split())
    assert t("en", "my_file_view.pack.no_files") in summary
    missing = t("en", "my_file_view.pack.missing", document=t("en", "my_file_view.expert_doc.job_description"))
    assert missing.replace("*", "") in summary
