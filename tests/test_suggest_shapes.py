"""Follow-ups in the shapes other projects write them: action-item sections, tasks, handles,
names nobody has in the directory yet, the speaker's own "I'll", the group's "Let's"."""

from __future__ import annotations

import datetime as dt

import pytest

from svsm_meet.formats.markdown_in import parse_markdown
from svsm_meet.names import Matcher, Person
from svsm_meet.suggest import suggest


def _found(body: str) -> dict[str, tuple[str, str | None]]:
    doc = parse_markdown("# Sync 2024-06-05\n\n" + body, date=dt.date(2024, 6, 5))
    return {s.text: (s.status, s.owner.name if s.owner else s.owner_text) for s in suggest(doc, Matcher())}


def test_an_action_items_section_is_open_and_done_tasks():
    found = _found("## Action items\n\n- Ann: update the docs\n- [x] Bob to file the bug\n- [ ] tag v1.2\n")
    assert found == {"Ann: update the docs": ("open", "Ann"), "Bob to file the bug": ("done", "Bob"),
                     "tag v1.2": ("open", None)}


@pytest.mark.parametrize("bullet, text, owner", [
    ("- Mike to provide a way of keeping host and build prefix", "Mike to provide a way of keeping host and build prefix", "Mike"),
    ("- @kjin to produce some overview slides", "@kjin to produce some overview slides", "@kjin"),
    ("- Varun/Ashish will investigate why we still get a HIGH", "Varun/Ashish will investigate why we still get a HIGH", "Varun"),
    ("- [ACTION] Ann and Bob to update the FAQ", "Ann and Bob to update the FAQ", "Ann"),
    ("- AI: Jory to pick this back up next week.", "Jory to pick this back up next week", "Jory"),
    ("**Sam Clegg:** I'll send the slides tomorrow.", "I'll send the slides tomorrow", "Sam Clegg"),
    ("- Let's review it in more detail next week", "Let's review it in more detail next week", None),
    ("- Need to consider other attestation services", "Need to consider other attestation services", None),
    ("- Propose to submit a PR for the editorial document", "Propose to submit a PR for the editorial document", None),
    ("- John said he would take it to the email list for a vote", "John said he would take it to the email list for a vote", "John"),
    ("- Lewis Mayne tasked with finding a way to publish the recordings", "Lewis Mayne tasked with finding a way to publish the recordings", "Lewis Mayne"),
])
def test_who_takes_it_on(bullet, text, owner):
    found = _found(bullet + "\n")
    assert found[text][1] == owner


@pytest.mark.parametrize("bullet", [
    "- Mitigation will take some time", "- COCONUT plans to run on these platforms",
    "- Agreed to move the document to a repository", "- How to deploy SVSM in the cloud",
    "- May need to delay until the bank account is open", "- Might need to consider more admin privileges",
])
def test_things_are_not_owners(bullet):
    assert all(owner is None for _, owner in _found(bullet + "\n").values())


def test_next_steps_are_suggestions_not_open_tasks():
    found = _found("- Next Steps:\n  - Roy Hopkins is preparing a kernel.\n  - Roy will send the patches.\n")
    assert found == {"Roy will send the patches": ("suggested", "Roy")}


@pytest.mark.parametrize("bullet", [
    "- Should we drop Python 2? Ann will decide?", "- Please help take notes.",
    "- _Submit a PR to add your announcement here_", "- [Action items](#action-items)",
])
def test_questions_templates_and_contents_suggest_nothing(bullet):
    assert _found(bullet + "\n") == {}


def test_a_bullet_with_lazy_continuation_lines_still_suggests():
    found = _found("* Assessment against best practices [#859](https://example.org/859)\n"
                   "Ulises will change the current workflow to run weekly\n\n| a | b |\n|---|---|\n| Ann will | x |\n")
    assert found == {"Ulises will change the current workflow to run weekly": ("suggested", "Ulises")}


def test_an_elided_subject_after_a_speaker_or_alone():
    found = _found("* Will drop Oracle code soon, this will unblock more database work.\n")
    assert list(found) == ["Will drop Oracle code soon, this will unblock more database work"]


@pytest.mark.parametrize("body, text, status, owner", [
    ("## Next steps\n\n- Review the PR for next steps on contrast (Isabela)\n",
     "Review the PR for next steps on contrast (Isabela)", "open", "Isabela"),
    ("## Next steps\n\n- Follow up with Tania about governance (Isabela to Tania)\n",
     "Follow up with Tania about governance (Isabela to Tania)", "open", "Isabela"),
    ("1. Share agenda for next week by Monday (done)\n", "Share agenda for next week by Monday (done)", "done", None),
    ("1. Rebuild JIRA, groom the tasks (todo)\n", "Rebuild JIRA, groom the tasks (todo)", "open", None),
    ("* **TODO** - Larry Gritz to action transfer\n", "Larry Gritz to action transfer", "open", "Larry Gritz"),
    ("## Decisions & Action Items\n\ni. Analyse tests of Tokio tool\n", "i. Analyse tests of Tokio tool", "open", None),
    ("* Action Items:\n  * @maxnbk: Check with LF Marketing. Can we do a town hall?\n",
     "@maxnbk: Check with LF Marketing. Can we do a town hall?", "open", "@maxnbk"),
    ("Proceeding due in October, Christoph will write a draft.\n",
     "Proceeding due in October, Christoph will write a draft", "suggested", "Christoph"),
    ("* Notes: Need to take it forward. @lirantal will contact Sam on the script.\n",
     "@lirantal will contact Sam on the script", "suggested", "@lirantal"),
    ("* SPI to check on their code for differences\n", "SPI to check on their code for differences", "suggested", None),
    ("## Action items\n\n* Clarify who signed the CLA. – Claudia\n", "Clarify who signed the CLA. – Claudia",
     "open", "Claudia"),
    ("## Action items\n\n- [X] Priyanka, Tristan: Look at the charters\n",
     "Priyanka, Tristan: Look at the charters", "done", "Priyanka"),
])
def test_tasks_in_more_shapes(body, text, status, owner):
    assert _found(body)[text] == (status, owner)


@pytest.mark.parametrize("bullet", [
    "- ABI definition for calling Rust - Possible to reuse the Linux implementation",
    "- Justin - Registry should have this part of the endpoint",
])
def test_a_clause_names_nobody_unknown_without_will(bullet):
    assert all(owner is None for _, owner in _found(bullet + "\n").values())


@pytest.mark.parametrize("body, text, status, owner", [
    ("* Action items (for Jürgen): inquire in CTA about livetime\n", "inquire in CTA about livetime", "open", "Jürgen"),
    ("* Action items (for Christoph): we agreed on this:\n  * Keep the simple names\n",
     "Keep the simple names", "open", None),
    ("* Adding people to core\n  * Bjorn (Filipe will invite)\n", "Bjorn (Filipe will invite)", "suggested", "Filipe"),
    ("* Daira - We removed that a while ago, I'll check and report it as a bug to them.\n",
     "Daira - We removed that a while ago, I'll check and report it as a bug to them", "suggested", "Daira"),
    ("* MDawson: Node SWG has volunteered to do that - will post a draft in the next weeks.\n",
     "MDawson: Node SWG has volunteered to do that - will post a draft in the next weeks", "suggested", None),
])
def test_tasks_asides_and_speakers(body, text, status, owner):
    assert _found(body)[text] == (status, owner)


def test_a_things_commitment_is_no_task():
    assert _found("- Mitigation will take some time as some trade-offs need to be made\n") == {}


def test_label_lines_stacked_in_one_paragraph_are_one_task_each():
    found = _found("[ACTION] Ann and Bob to draft the charter.\nACTION: Carol to ping the legal team.\n"
                   "AI: Dan to update the website.\nTODO: clean up the wiki.\n")
    assert found == {"Ann and Bob to draft the charter": ("open", "Ann"),
                     "Carol to ping the legal team": ("open", "Carol"),
                     "Dan to update the website": ("open", "Dan"), "clean up the wiki": ("open", None)}


def test_a_transcript_without_blank_lines_is_a_note_per_speaker():
    text = ("# Sync 2024-06-05\n\nAttendees: Ann Lee, Bob Ray\n\n"
            "Ann Lee: Let's start with the release.\nBob Ray: I will look into the flaky test.\n")
    doc = parse_markdown(text, date=dt.date(2024, 6, 5))
    said = [(i.label, i.text) for i in doc.items()]
    assert said == [("Ann Lee: ", "Let's start with the release."), ("Bob Ray: ", "I will look into the flaky test.")]
    found = {s.text: (s.status, s.owner.name if s.owner else s.owner_text) for s in suggest(doc, Matcher())}
    assert found == {"I will look into the flaky test": ("suggested", "Bob Ray")}


@pytest.mark.parametrize("bullet", [
    "- Let's start with the release.", "- Let's move on to the next item.", "- We agreed to freeze on Friday.",
])
def test_the_calls_own_course_and_what_was_agreed_are_no_tasks(bullet):
    assert _found(bullet + "\n") == {}


def test_the_template_row_of_a_table_of_action_items_is_no_task():
    found = _found("## Action Items\n| Done? | Item | Responsible | Due Date |\n| ---- | ---- | ---- | ---- |\n"
                   "| | item | who | due_date |\n| | <task> | <owner> | |\n| | Send the slides | Ann | |\n")
    assert found == {"Send the slides": ("open", "Ann")}


def test_a_table_of_action_items_is_a_task_a_row():
    found = _found("## Action items\n\n| Action | Owner | Status |\n| --- | --- | --- |\n"
                   "| Send the budget to the board | Ann | Done |\n| Draft the **charter** update | Bob | |\n\n"
                   "| Name | Org |\n| --- | --- |\n| Ann Lee | ACME |\n\n"
                   "| Item | Notes |\n| --- | --- |\n| Release | on track |\n")
    assert found == {"Send the budget to the board": ("done", "Ann"), "Draft the charter update": ("open", "Bob")}


@pytest.mark.parametrize("body, text, owner", [
    ("* **Jorge** will be in charge of the next release.\n", "Jorge will be in charge of the next release", "Jorge"),
    ("## Actions\n\n- @patrick91 Add the plugin API docs\n", "@patrick91 Add the plugin API docs", "@patrick91"),
])
def test_a_bold_name_or_a_handle_first_is_the_owner(body, text, owner):
    assert _found(body)[text][1] == owner


def test_owners_written_under_a_task_share_it():
    found = _found("## Action items\n\n- [ ] Undergrad outreach.\n  - Ciera: Berkeley.\n  - Matt: Stanford, Clark\n"
                   "  - some context\n")
    assert found["Ciera: Berkeley"] == ("open", "Ciera")
    assert found["Matt: Stanford, Clark"] == ("open", "Matt")
    assert "some context" not in found


def test_a_stand_up_persons_plans_are_theirs():
    """'### NAME' over '#### What I'm up to next': NAME's tasks; a topic over 'Next steps' is no one."""
    found = _found("## 2020-12-18\n\n### Chris Holdgraf\n\n#### Updates ✔\n- Attended the meetings\n\n"
                   "#### What I'm up to next ⬜\n- Finishing up some proposals for collaborations\n\n"
                   "### Release Planning\n\n#### Next steps\n- Tag the release candidate\n")
    assert found["Finishing up some proposals for collaborations"][1] == "Chris Holdgraf"
    assert found["Tag the release candidate"][1] is None
    assert "Attended the meetings" not in found


GITBOOK = ("## Agenda\n\n<table><thead><tr><th>Discussion Points</th><th>Notes/Action Items</th>"
           "<th>Actions: Responsible/None</th></tr></thead><tbody><tr><td>Quorum Rules</td><td><ul>"
           "<li>Agreed to publish quorum rules.</li></ul></td><td><ul><li>Hwang to update on Gitbook once "
           "back from holiday</li></ul></td></tr><tr><td>Other</td><td><p>ACTION: add a redirect link "
           "&#x26; point to the PR</p><p>Relates to this:</p></td><td><br></td></tr></tbody></table>\n")


def test_an_html_table_of_minutes_gives_its_tasks_and_stays_as_written():
    """GitBook minutes are one HTML table: it stays a raw block, byte for byte, and the tasks in
    its 'Actions' column and its 'ACTION:' paragraphs are follow-ups."""
    from svsm_meet.formats.markdown_in import normalize
    from svsm_meet.formats.markdown_out import render

    found = _found(GITBOOK)
    assert found == {"Hwang to update on Gitbook once back from holiday": ("open", "Hwang"),
                     "add a redirect link & point to the PR": ("open", None)}
    doc = parse_markdown("# Sync 2024-06-05\n\n" + GITBOOK, date=dt.date(2024, 6, 5))
    assert render(doc) == normalize("# Sync 2024-06-05\n\n" + GITBOOK)


@pytest.mark.parametrize("html", ["<table><tr><td>ACTION: unclosed", "<![CDATA[ x ]]><td>", "<p>" * 5000,
                                  "<table><th>Actions</th><tr><td>\x00\x1b[31m Ann to fix</td></tr>"])
def test_broken_html_is_read_as_far_as_it_goes(html):
    _found(html + "\n")  # no exception: a block that cannot be read gives nothing, not an error


def test_an_html_table_written_over_many_lines_is_an_item_a_row_and_keeps_its_columns():
    """A word processor's export writes the table a tag a line: each row is an item of its own
    (no file is one raw block), and a row's 'Actions' cell is still read under its header."""
    from svsm_meet.formats.markdown_in import normalize
    from svsm_meet.formats.markdown_out import render

    html = GITBOOK.replace("<tr>", "\n <tr>").replace("</tbody>", "\n</tbody>")
    text = "# Sync 2024-06-05\n\n" + html
    doc = parse_markdown(text, date=dt.date(2024, 6, 5))
    rows = [i for i in doc.sections[1].items if i.kind == "raw"]
    assert len(rows) == 4 and all(r.text.lstrip().startswith(("<table", "<tr")) for r in rows)
    assert render(doc) == normalize(text)
    assert _found(html)["Hwang to update on Gitbook once back from holiday"] == ("open", "Hwang")


def test_open_and_completed_action_item_headings():
    """'### Open Action Items' gathers open tasks, '### Completed Action Items' done ones; the
    owners in brackets first ('**[Ann Lee, Bob]** Do X'); a pointer line is no task."""
    found = _found("### Open Action Items\n\n1. **[Ann Lee, Bob Ray]** Develop an escalation process.\n"
                   "    * Ann opened a PR for review\n\n"
                   "### Completed Action Items\n1. **[Carol Diaz]** Schedule a deep-dive into code scanning.\n"
                   "1. [ ] Still open under the heading\n\n"
                   "## Action items from the last meeting\n\n- [Matt W] Ask the SIG about charts\n"
                   "- Located in [GitHub Issues](https://github.com/example/wg/issues)\n")
    assert found["**[Ann Lee, Bob Ray]** Develop an escalation process"] == ("open", "Ann Lee")
    assert found["**[Carol Diaz]** Schedule a deep-dive into code scanning"] == ("done", "Carol Diaz")
    assert found["Still open under the heading"][0] == "open"
    assert found["[Matt W] Ask the SIG about charts"] == ("open", "Matt W")
    assert not [t for t in found if "Located" in t]


@pytest.mark.parametrize("body, text, owner", [
    ("- ACTION - Matt to follow up with Kate and Ramon\n", "Matt to follow up with Kate and Ramon", "Matt"),
    ("  ***ACTION*** Kurt to get the latest license scans\n", "Kurt to get the latest license scans", "Kurt"),
    ("* (BF) to organize the panel\n", "(BF) to organize the panel", "BF"),
    ("* Steve Van Lare (SVL) will respond to comments\n", "Steve Van Lare (SVL) will respond to comments", "Steve Van Lare"),
    ("* Do we need a dictionary? (Matt W volunteering)\n", "Do we need a dictionary? (Matt W volunteering)", "Matt W"),
])
def test_labels_and_owners_in_more_shapes(body, text, owner):
    assert _found(body)[text][1] == owner


@pytest.mark.parametrize("bullet", ["- Defer to next meeting when Dan will be here", "- AI - policy on generated code"])
def test_an_imperative_or_a_topic_is_nobody(bullet):
    assert all(owner is None for _, owner in _found(bullet + "\n").values())


def test_an_agenda_checklist_is_topics_but_a_box_under_a_note_is_a_task():
    found = _found("## Agenda\n\n* [x] Plan next release\n    * [ ] Assign reviewers\n"
                   "* Review triage\n  * [Plot features #7541](https://example.org/pr/7541), waiting\n"
                   "    * [x] Added cycle example -> Lars to rephrase\n")
    assert list(found) == ["Added cycle example -> Lars to rephrase"]
    assert found["Added cycle example -> Lars to rephrase"][0] == "done"


def test_a_due_date_written_into_a_task_is_its_due():
    """'by June 12', '(due 2024-06-20)', 'by Friday', 'by the end of the month', counted from the
    meeting's date; a date the task is about ('the May 3 outage') and 'by monkey' are none."""
    doc = parse_markdown("# Sync 2024-06-05\n\n## Action items\n\n- Ann to send the draft by June 12\n"
                         "- Bob: review PR #5 (due 2024-06-20)\n- Carol will tag the release by Friday\n"
                         "- Eve to write it up by the end of the month\n- Fay to look at the May 3 outage\n"
                         "- Gus to fix it by Jan 10th\n- Hal will do it by monkey\n", date=dt.date(2024, 6, 5))
    due = {s.text.split()[0]: s.due.date if s.due else None for s in suggest(doc, Matcher())}
    assert due == {"Ann": dt.date(2024, 6, 12), "Bob:": dt.date(2024, 6, 20), "Carol": dt.date(2024, 6, 7),
                   "Eve": dt.date(2024, 6, 30), "Fay": None, "Gus": dt.date(2025, 1, 10), "Hal": None}


def test_a_motion_is_the_decision_and_its_outcome_a_note_on_it():
    """'**Cart for President.**', 'Proposed by: Cart', 'Unanimously approved.': the motion is what
    was decided; where the motion is only the topic's heading, the outcome stays the decision."""
    doc = parse_markdown("# Board 2024-02-03\n\n## Adopt Bylaws\n\nProposed by: Cart\n\nUnanimously approved.\n\n"
                         "## Officers\n\n**Cart for President.**\n\nProposed by: Cart\n\nUnanimously approved.\n\n"
                         "## Domain\n\nCart should transfer the domain to the foundation.\n\nProposed by: James\n\n"
                         "Discussed how to pay the bills.\n\nUnanimously approved.\n", date=dt.date(2024, 2, 3))
    decided = [(s.text, i.text) for s in doc.sections[1:] for i in s.items if i.kind == "decision"]
    assert decided == [("Adopt Bylaws", "Unanimously approved."), ("Officers", "**Cart for President.**"),
                       ("Domain", "Cart should transfer the domain to the foundation.")]


def test_a_next_action_label_inside_a_paragraph_is_the_task_and_its_owner():
    found = _found("Executive Director updated SC on accounting problems. *Next Action:* ED will work with "
                   "the finance subcommittee.\n")
    assert found == {"ED will work with the finance subcommittee": ("suggested", "ED")} or \
        found == {"ED will work with the finance subcommittee": ("open", "ED")}


def test_front_matter_is_one_raw_block_and_an_empty_bullet_a_bullet():
    from svsm_meet.formats.markdown_in import normalize
    from svsm_meet.formats.markdown_out import render

    text = "---\ntags: meeting, infrastructure\nproject: infrastructure\n---\n\n# 2021-06-08\n\n## Notes\n\n* one\n*\n"
    doc = parse_markdown(text, date=dt.date(2021, 6, 8))
    assert [i.text for i in doc.preamble] == ["---\ntags: meeting, infrastructure\nproject: infrastructure\n---"]
    assert [(i.kind, i.text) for i in doc.sections[-1].items] == [("note", "one"), ("note", "")]
    assert render(doc) == normalize(text)


def test_two_commitments_in_one_sentence_are_two_tasks():
    found = _found("- Alden will update the list of presentations and Eirini will help to check this.\n"
                   "- Ann and Bob will review the draft\n")
    assert found == {"Alden will update the list of presentations": ("suggested", "Alden"),
                     "Eirini will help to check this": ("suggested", "Eirini"),
                     "Ann and Bob will review the draft": ("suggested", "Ann")}


@pytest.mark.parametrize("body, decided", [
    # An outcome with its own object is a decision of its own; 'For:'/'Against:' are no motion's steps.
    ("- Option A: GitHub\n- For: free minutes\n- Against: lock-in\n- Agreed to use GitHub Actions.\n",
     ["Agreed to use GitHub Actions."]),
    ("Cart shall open a bank account.\n\nProposed by: Cart\n\nUnanimously approved, with discussion.\n",
     ["Cart shall open a bank account."]),
])
def test_what_a_motion_is_and_is_not(body, decided):
    doc = parse_markdown("# Board 2024-02-03\n\n## Topic\n\n" + body, date=dt.date(2024, 2, 3))
    assert [i.text for i in doc.items() if i.kind == "decision"] == decided


def test_a_see_line_with_words_of_its_own_is_a_task_a_bare_pointer_is_not():
    found = _found("## Action items\n\n- See if we can move CI to [GitHub Actions](https://example.org/a)\n"
                   "- See [the tracker](https://example.org/issues)\n- Action point: Bob to send it\n")
    assert list(found) == ["See if we can move CI to [GitHub Actions](https://example.org/a)", "Bob to send it"]
    assert found["Bob to send it"] == ("open", "Bob")


def test_by_a_weekday_next_week():
    from svsm_meet.dates import due_in_text

    assert due_in_text("by Thursday next week", dt.date(2024, 6, 14)) == dt.date(2024, 6, 20)  # a Friday
    assert due_in_text("by Thursday next week", dt.date(2024, 9, 11)) == dt.date(2024, 9, 19)  # a Wednesday


def test_a_thing_after_and_does_not_split_a_commitment():
    found = _found("- Jon Lange and Peter Fang agreed to collaborate on changes to the codebase and OVMF to "
                   "implement this solution\n")
    assert list(found) == ["Jon Lange and Peter Fang agreed to collaborate on changes to the codebase and OVMF to "
                           "implement this solution"]


def test_owners_in_brackets_after_struck_through_tasks_and_a_bold_name_over_a_list():
    found = _found("## Action Items\n\n- **Action** fixed dataset links in the codebase [ACB]\n"
                   "- **Action** code PR [SM / RP]\n\n***Nick***\n\n* Open an issue on the Citation page\n"
                   "* ~~email to Hackathon group~~\n\n***David***\n\n* Create a doc for the newsletter\n")
    others = _found("***Other Attendees***\n\n* We will need to review it\n")
    assert others == {"We will need to review it": ("suggested", None)}  # a group's label owns nothing
    assert found == {"fixed dataset links in the codebase [ACB]": ("open", "ACB"),
                     "code PR [SM / RP]": ("open", "SM"),
                     "Open an issue on the Citation page": ("open", "Nick"),
                     "~~email to Hackathon group~~": ("done", "Nick"),
                     "Create a doc for the newsletter": ("open", "David")}


@pytest.mark.parametrize("text", ["The TC committee elects Florian as the new chair.", "Timing: TC supports the proposal.",
                                  "EAO: proper i18n practice. Any objections? No."])
def test_a_body_choosing_and_an_objection_asked_for_are_decisions(text):
    from svsm_meet.formats.labels import kind_of_text

    assert kind_of_text(text) == "decision"
    assert "decision" not in (kind_of_text("I support this"), kind_of_text("Anyone opposed?"))


def test_initials_in_parentheses_commit_in_a_last_clause_too():
    found = _found("* (NV) suggested the interns do a first page, (NV) will work with them\n")
    assert list(found.values()) == [("suggested", "NV")]


@pytest.mark.parametrize("text, kind", [("Yes, let’s defer to v47.", "decision"), ("going with Hack-week", "decision"),
                                        ("Let’s review it next week", "note")])
def test_going_with_and_deferring_decide_reviewing_does_not(text, kind):
    from svsm_meet.formats.labels import kind_of_text

    assert kind_of_text(text) == kind


def test_a_quoted_list_under_action_items_is_tasks_kept_as_written():
    """HackMD minutes carry last week's tasks over in a quote ('> ***Continuation***'): the quote
    stays as written, its top bullets are open tasks of the name over them, its details are not."""
    from svsm_meet.formats.markdown_in import normalize
    from svsm_meet.formats.markdown_out import render

    body = ("## Action Items\n\n***Erik***\n> ***Continuation***\n> * re-purpose the education repo\n"
            ">     * add the issue framework\n> * ~~add OMFIT to affiliated pkgs~~\n\n## Notes\n\n> * quoted, not a task\n")
    found = _found(body)
    assert found == {"re-purpose the education repo": ("open", "Erik"),
                     "~~add OMFIT to affiliated pkgs~~": ("done", "Erik")}
    doc = parse_markdown("# Sync 2024-06-05\n\n" + body, date=dt.date(2024, 6, 5))
    assert render(doc) == normalize("# Sync 2024-06-05\n\n" + body)


def test_a_bullet_that_heads_tasks_is_not_one_and_a_known_name_over_them_owns_them():
    from svsm_meet.names import Person

    body = ("## Action items\n\n* Roadmap\n    * refine the roadmap\n    * start make page for website\n"
            "* Erik\n    * deploy the docs to RTD\n* Ann to send the slides\n    * the deck is on the drive\n")
    doc = parse_markdown("# Sync 2024-06-05\n\n" + body)
    found = {s.text: (s.status, s.owner.name if s.owner else s.owner_text)
             for s in suggest(doc, Matcher([Person("Erik Everson", (), 1)]))}
    assert found == {"refine the roadmap": ("open", None), "start make page for website": ("open", None),
                     "deploy the docs to RTD": ("open", "Erik Everson"), "Ann to send the slides": ("open", "Ann")}


def test_last_meetings_tasks_under_a_review_bullet_with_their_owners_and_statuses_after():
    from svsm_meet.names import Person

    body = ("- Review action items from [last meeting](./2023-09-20.md#action-items)\n"
            "    - Review the [governance guidance](https://example.org/g) - all\n"
            "    - Provide infrastructure costs for the test bed - Harm Jan Arendshorst\n"
            "    - SIG onboarding - **[completed](https://example.org/sig)**\n"
            "    - Conduct email vote for VC-API - Tracy - **[completed](https://l/79)** and **[approved](https://l/88)**\n"
            "    - Reach out to the .NET maintainers about annual review - Tracy\n")
    doc = parse_markdown("# TAC 2023-10-04\n\n" + body)
    found = {s.text.split(" - ")[0]: (s.status, s.owner.name if s.owner else s.owner_text)
             for s in suggest(doc, Matcher([Person("Tracy Kuhrt", (), 1)]))}
    assert found == {"Review the [governance guidance](https://example.org/g)": ("open", None),
                     "Provide infrastructure costs for the test bed": ("open", "Harm Jan Arendshorst"),
                     "SIG onboarding": ("done", None), "Conduct email vote for VC-API": ("done", "Tracy Kuhrt"),
                     "Reach out to the .NET maintainers about annual review": ("open", "Tracy Kuhrt")}
    assert "decision" not in {i.kind for i in doc.items()}  # "[approved](…)" is the task's status


def test_owners_in_bold_parentheses_and_the_sub_tasks_they_own():
    body = ("## Tasks\n\n- Add license(s) to the repo (and readme!) **(Isabela)**\n- User test 2 recruitment\n"
            "    - Update email template for the test **(Jenn)**\n    - Split the list and reach out **(Isabela and Jenn)**\n"
            "- Notebook for user test 2 **(Jenn to follow up with Erik )**\n")
    found = _found(body)
    assert found["Add license(s) to the repo (and readme!) **(Isabela)**"] == ("open", "Isabela")
    assert found["Update email template for the test **(Jenn)**"] == ("open", "Jenn")
    assert found["Split the list and reach out **(Isabela and Jenn)**"] == ("open", "Isabela")
    assert found["Notebook for user test 2 **(Jenn to follow up with Erik )**"] == ("open", "Jenn")


@pytest.mark.parametrize("bullet, suggested", [
    ("* Invite people from `xrft` to next meeting", True), ("* Set up a Bot for reminders on calls", True),
    ("* Open an issue to start the conversation", True), ("* Review the governance draft", False),
    ("* Discuss the release", False), ("* Open discussion", False), ("* Invite people?", False),
])
def test_a_bullet_that_is_one_order_suggests_it_to_nobody_yet(bullet, suggested):
    found = _found("## Notes\n\n" + bullet + "\n")
    assert found == ({bullet[2:]: ("suggested", None)} if suggested else {})


@pytest.mark.parametrize("text, kind", [
    ("Result: will time box doodle results to end of this week", "decision"),
    ("We said that we should do ~ monthly telcons on gamma-cat", "decision"),
    ("Great demo, we said we would reach out to them", "note"),
    ("Freedcamp will remain as the tool for planning generic tasks", "decision"),
    ("Release for this is extended by 1 month", "decision"),
    ("Cut off date for sign up? No, because it’s remote", "decision"),
    ("read/comment, would like to get this decided in 1-2 weeks from now", "note"),
    ("An email on the (concluded) ietf-trans group that may be interesting", "note"),
])
def test_more_ways_of_saying_it_was_decided(text, kind):
    from svsm_meet.formats.labels import split_label

    label, labelled, rest = split_label(text)
    from svsm_meet.formats.labels import kind_of_text

    assert (labelled or kind_of_text(rest)) == kind


def test_a_resolution_over_its_outcome_is_one_decision_and_one_put_off_is_none():
    body = ("- Proposal A\n    - **RESOLVED:** That the proposal A is hereby approved.\n"
            "        - Unanimously approved by the present TAC voting members.\n"
            "- Proposal B\n    - **RESOLVED:** That the proposal B is hereby approved.\n        - Move to next meeting\n")
    doc = parse_markdown("# TAC 2023-10-04\n\n" + body)
    assert [i.text for i in doc.items() if i.kind == "decision"] == ["That the proposal A is hereby approved."]


def test_a_label_over_tasks_with_their_owner_in_parentheses():
    found = _found("* **Onboarding** (Kris)\n\t- **Action Items** (Kris)\n\t\t- Add new members to the channel\n"
                   "\t- **Action Items**\n\t\t- Kris Freedain: reach out to [Orcun](https://example.org/o)\n")
    assert found == {"Add new members to the channel": ("open", "Kris"),
                     "Kris Freedain: reach out to [Orcun](https://example.org/o)": ("open", "Kris Freedain")}


def test_a_paragraph_all_in_bold_opened_by_its_label():
    found = _found("## OD 1.2\n\n**ACTION: split out minor changes from major ones.**\n\n"
                   "__Decision: keep the old name__\n")
    assert found == {"split out minor changes from major ones": ("open", None)}
    doc = parse_markdown("# Sync 2024-06-05\n\n__Decision: keep the old name__\n", date=dt.date(2024, 6, 5))
    assert [i.kind for i in doc.items()] == ["decision"]


def test_a_first_name_written_in_lower_case_is_someones_at_the_meeting():
    from svsm_meet.names import Person

    doc = parse_markdown("# Sync 2024-06-05\n\n## Participants\n\n* Herb Lainchbury\n* Mike Linksvayer\n\n"
                         "## Summary\n\n* herb will send a note giving folks a chance to object\n"
                         "* mark to review the draft\n", date=dt.date(2024, 6, 5))
    here = Matcher(attendees=[Person(a.name) for a in doc.attendees])
    found = {s.text: s.owner.name if s.owner else s.owner_text for s in suggest(doc, here)}
    assert found == {"herb will send a note giving folks a chance to object": "Herb Lainchbury"}


def test_an_html_table_with_an_owner_column_is_a_task_a_row():
    table = ("## Wrap Up, Action Items\n\n<table class=\"table\">\n<thead>\n  <td><strong>Owner</strong></td>\n"
             "  <td><strong>Description</strong></td>\n</thead>\n<tr>\n  <td>Richard Wade, Felicia Retiz</td>\n"
             "  <td>Develop a strategic layout</td>\n</tr>\n<tr>\n  <td>Joey Thomas (TNRIS)</td>\n"
             "  <td>Identify interested agencies</td>\n</tr>\n</table>\n")
    assert _found(table) == {"Develop a strategic layout": ("open", "Richard Wade"),
                             "Identify interested agencies": ("open", "Joey Thomas")}


def test_a_hackmd_name_tag_gives_the_task_its_owner():
    found = _found("## Topics\n\n- [name=Mridul] Submit applications for Outreachy and GSoC.\n"
                   "- [x] [name=Jarrod] Deprecate `nx.info`\n")
    assert found["[name=Mridul] Submit applications for Outreachy and GSoC"] == ("suggested", "Mridul")
    assert found["[name=Jarrod] Deprecate `nx.info`"] == ("done", "Jarrod")


def test_a_call_for_someone_is_a_task_nobody_has_yet():
    assert _found("- Need someone to review the materials and decide what to keep\n") == {
        "Need someone to review the materials and decide what to keep": ("suggested", None)}


def test_initials_written_beside_a_name_are_that_persons():
    from svsm_meet.names import Person

    doc = parse_markdown("# Council 2014-12-10\n\n**Participants:** Martin Holmes (MH), James Cummings (JC)\n"
                         " (Chair), Peter\n W Stadler (PWS)\n\n## Actions\n\n"
                         "* **Action on PWS to report back on Standoff progress**\n"
                         "* **Action on JC: to post a Doodle poll within a week. \\[DONE]**\n",
                         date=dt.date(2014, 12, 10))
    assert {a.name: a.handle for a in doc.attendees} == {"Martin Holmes": "MH", "James Cummings": "JC",
                                                         "Peter W Stadler": "PWS"}
    here = Matcher(attendees=[Person(a.name, (a.handle,)) for a in doc.attendees])
    found = {s.owner.name: s.status for s in suggest(doc, here)}
    assert found == {"Peter W Stadler": "open", "James Cummings": "done"}


def test_a_speaker_written_in_the_line_a_group_and_a_task_s_verb():
    found = _found("## GWT 2.8\n\n* Colin: Will file bugs against documentation.\n"
                   "* Decision: staff to pursue arrangements with Tentoo for HR\n"
                   "* Maintainers need to submit patches that were waiting\n"
                   "* Test how many topics can be supported in one cluster\n")
    assert found["Will file bugs against documentation"] == ("suggested", "Colin")
    assert found["staff to pursue arrangements with Tentoo for HR"] == ("suggested", None)
    assert found["Maintainers need to submit patches that were waiting"] == ("suggested", None)
    assert found["Test how many topics can be supported in one cluster"] == ("suggested", None)


def test_a_topic_in_bold_is_nobody_s_name():
    found = _found("**Nova Integration**\n\n* After the pod issue, will work on a finalized design plan.\n")
    assert [owner for _, owner in found.values()] == [None]


def test_a_template_s_instruction_is_no_task():
    assert _found("## Material\n\nAny material to read before the meeting should be included here.\n") == {}


def test_action_lines_with_initials_after_bullets():
    found = _found("* NC was able to reproduce this problem.\nAction NC: try installing it on a bigger server\n"
                   "* Generate images for ADB\nAction LA: reactivate JR account\nAction GJT: Get familiar with DRP\n"
                   "Action LA/MR: feed JR with the proper headers\n")
    assert found["try installing it on a bigger server"] == ("open", "NC")
    assert found["reactivate JR account"] == ("open", "LA")
    assert found["Get familiar with DRP"] == ("open", "GJT")
    assert found["feed JR with the proper headers"] == ("open", "LA")
    assert _found("## Action items\n\n- CLI: add a --verbose flag\n- ACTION ITEM: send the survey\n") == {
        "CLI: add a --verbose flag": ("open", None), "send the survey": ("open", None)}


def test_labels_that_say_whose_and_a_group_s_tasks():
    found = _found("Attendees: Jonathan Gregory, Henry Calvert\n\n## Topics\n\n- (**Action**) Henry will check if a room is free\n"
                   "- **[Action for Jan]** Ericsson will provide maintainers\n"
                   "- **[Action for the team]** review this proposition\n"
                   "- Action: Open an issue in API backlog. [x]Done by Eric\n\n"
                   "## Actions\n\n1. **Jonathan**: Post on the issue regarding the agreed principle\n"
                   "2. **Committee**: Determine the workshop presenter\n3. TSC: Get a first release out\n")
    assert found == {
        "Henry will check if a room is free": ("open", "Henry"), "Ericsson will provide maintainers": ("open", "Jan"),
        "review this proposition": ("open", None), "Open an issue in API backlog. [x]Done by Eric": ("done", None),
        "Post on the issue regarding the agreed principle": ("open", "Jonathan"),
        "**Committee**: Determine the workshop presenter": ("open", None), "TSC: Get a first release out": ("open", None)}


def test_a_list_ended_by_etc_and_who_is_only_mentioned():
    found = _found("Follow-up from 21 Nov, probably need to assign shepherd, etc. Jeff/Ryan/Camdon to sync offline.\n")
    assert found["Jeff/Ryan/Camdon to sync offline"] == ("suggested", "Jeff")
    doc = parse_markdown("# Sync 2024-06-05\n\nAttendees: Herbert Damker, Eric Murray\n\n**Scam Signal**\n\n"
                         "- Action: Open an issue in API backlog\n"
                         "- Action: Provide a name for this WG (as suggested by Herbert)\n", date=dt.date(2024, 6, 5))
    here = Matcher(attendees=[Person(a.name, ()) for a in doc.attendees])
    assert {s.text: s.owner for s in suggest(doc, here)} == {
        "Open an issue in API backlog": None, "Provide a name for this WG (as suggested by Herbert)": None}
    # ... but someone on the roll call (here, with regrets) over their tasks is whose they are,
    # and a task assigned to someone is theirs
    found = _found("Attendees: Ann Lee\nRegrets: Dana Scully\n\n**Dana**\n\n- Action: Update the FAQ\n"
                   "- Action: Update the docs (assigned to Carol)\n")
    assert found == {"Update the FAQ": ("open", "Dana"), "Update the docs (assigned to Carol)": ("open", "Carol")}


def test_a_role_a_passive_with_its_doer_and_what_a_thing_does():
    found = _found("- Chapter selection\n- DRI for unsafety: Andrew\n  * Contributing: Jonas, Julius\n"
                   "- New pages content review\n  - Will be done by Darko and Tommy by Thursday\n"
                   "  - Compiler will error if CSS is used\n  - The draft will be reviewed by Monday\n"
                   "- Ivaylo\n  - Going to work with Roger on that\n")
    assert found == {"DRI for unsafety: Andrew": ("suggested", "Andrew"),
                     "Will be done by Darko and Tommy by Thursday": ("suggested", "Darko"),
                     "Going to work with Roger on that": ("suggested", None),
                     "The draft will be reviewed by Monday": ("suggested", None)}


@pytest.mark.parametrize("body, text, status, owner", [
    # What comes before the subject: when, the day it was noted, a status set apart
    ("3) Next week Jonathan will present the path computation use cases.\n",
     "Next week Jonathan will present the path computation use cases", "suggested", "Jonathan"),
    ("- 5th Jan 2022 : Dhaval to get back on whether we can host artifacts\n",
     "5th Jan 2022 : Dhaval to get back on whether we can host artifacts", "suggested", "Dhaval"),
    ("- `done` 5th Jan 2022 : Dhaval to setup follow up triage meeting\n",
     "`done` 5th Jan 2022 : Dhaval to setup follow up triage meeting", "done", "Dhaval"),
    ("## Action items\n\n- 5th Jan 2022 : Add PRs to triage\n", "5th Jan 2022 : Add PRs to triage", "open", None),
    # a group asked, requested or tasked: a task, nobody's yet
    ("- Members are asked to review the schema draft\n", "Members are asked to review the schema draft", "suggested", None),
    ("- Code owners are requested to watch for new issues\n", "Code owners are requested to watch for new issues",
     "suggested", None),
    ("- IGSN technical group was tasked to propose a process\n",
     "IGSN technical group was tasked to propose a process", "suggested", None),
    ("- Relay team to think about the value proposition\n", "Relay team to think about the value proposition",
     "suggested", None),
    ("- Rawld has offered to help with updating Rhino\n", "Rawld has offered to help with updating Rhino",
     "suggested", "Rawld"),
    # when, as a sentence of its own after "etc."
    ("- Ann will update the docs, tests, etc. By Friday.\n", "Ann will update the docs, tests, etc. By Friday",
     "suggested", "Ann"),
    # a thing to be done, without a verb before it
    ("- Meeting link to be posted on slack\n", "Meeting link to be posted on slack", "suggested", None),
    # whose, in brackets first, said without a subject; the owner after it, before a pointer
    ("## Actions\n\n- Proposals for Namespace (KL) -> [[igsn:namespaces]]\n",
     "Proposals for Namespace (KL) -> [[igsn:namespaces]]", "open", "KL"),
    # the bullet over them names whose words they are
    ("- [@leebyron](https://github.com/leebyron)\n  - Will set up an experimental branch\n",
     "Will set up an experimental branch", "suggested", "@leebyron"),
])
def test_leads_lists_groups_and_whose_words(body, text, status, owner):
    assert _found(body)[text] == (status, owner)


@pytest.mark.parametrize("bullet", [
    "- It is good to be prepared", "- Nothing to be done here", "- Remains to be seen",
    "- The date is yet to be decided", "- Next week is the release",
])
def test_to_be_in_other_sentences_is_no_task(bullet):
    assert _found(bullet + "\n") == {}


def _owners(body: str, known: list[str] | None = None) -> dict[str, str | None]:
    """Each suggestion's owner, where the meeting knows the people KNOWN (by default its roll call,
    with the initials written beside a name as the import keeps them)."""
    doc = parse_markdown("# Sync 2024-06-05\n\n" + body, date=dt.date(2024, 6, 5))
    people = [Person(n, ()) for n in known] if known is not None else \
        [Person(a.name, (a.handle,) if a.handle else ()) for a in doc.attendees]
    return {s.text: (s.owner.name if s.owner else s.owner_text) for s in suggest(doc, Matcher(attendees=people))}


def test_a_tasks_verb_is_no_owner_where_a_known_speaker_says_whose():
    found = _owners("## Present\n\n* Chris Mutel (CM)\n* Ann Lee (AL)\n\n"
                    "## Misc\n\nAL: The situation is an example.\n\nCM: Users do not know where to go.\n\n"
                    "AL: Another option would be one database.\n\n"  # speakers' labels, read as such
                    "## Next steps\n\n* CM: Email to stakeholders about enhancements\n")
    assert found == {"Email to stakeholders about enhancements": "Chris Mutel"}


def test_a_list_of_names_the_meeting_knows_is_its_first_persons():
    found = _owners("- Ben, Jim, and Tim to implement experimental reader/writers\n"
                    "- Ben, Jim, and Tim will review the RFC\n\n## Action items\n\n- Fix the docs -- Jim\n",
                    ["Ben Brock", "Jim Kitchen", "Tim Davis"])
    assert found == {"Ben, Jim, and Tim to implement experimental reader/writers": "Ben Brock",
                     "Ben, Jim, and Tim will review the RFC": "Ben Brock", "Fix the docs -- Jim": "Jim Kitchen"}


def test_a_known_person_in_brackets_first_says_whose_not_a_topic():
    found = _owners("- [Mike] will discuss issues to get more clarity\n"
                    "- [Kubernetes] will drop support for dockershim\n", ["Mike Schwartz"])
    assert found["will discuss issues to get more clarity"] == "Mike Schwartz"
    assert all(owner is None for text, owner in found.items() if "dockershim" in text)


@pytest.mark.parametrize("bullet", [
    "- Chrome, Firefox, and Safari will ship the new API", "## Action items\n\n- Tuesday, Wednesday and Thursday - office hours",
    "- Docs, Website, and Blog to get a refresh", "## Action items\n\n- Q3 planning -- TBD\n- Fix CI -- WIP",
])
def test_a_list_of_things_or_days_is_nobodys(bullet):
    assert all(owner is None for _, owner in _found(bullet + "\n").values())


@pytest.mark.parametrize("bullet", [
    "- Maintainers should have a look at PR #12", "- Testing team should have the results by Friday",
    "- Members were asked to vote by Friday", "- Everyone is expected to review the draft by next week",
])
def test_a_group_asked_with_a_deadline_is_a_task_nobodys(bullet):
    assert list(_found(bullet + "\n").values()) == [("suggested", None)]


@pytest.mark.parametrize("bullet", [
    "- Participants were asked to introduce themselves", "- Members should have received the ballot by now",
    "- The group should be aware of the new policy", "- Everyone is expected to follow the code of conduct",
    "- The bug turned out to be fixed already", "- Issue proved to be caused by a race", "- Docs tend to be outdated",
    "- Lots to be done before 1.0", "- Date to be confirmed",
])
def test_norms_news_and_open_questions_are_no_tasks(bullet):
    assert _found(bullet + "\n") == {}


def test_the_speaker_on_the_line_wins_over_the_bullet_above():
    found = _owners("- Jim\n  - Sarah: will update the docs\n  - Ann - I will check the logs\n"
                    "  - Will write the release notes\n", ["Jim Hall", "Sarah Kim", "Ann Lee"])
    assert found == {"will update the docs": "Sarah Kim", "Ann - I will check the logs": "Ann Lee",
                     "Will write the release notes": "Jim Hall"}


def test_a_bots_action_word_before_a_handle_is_a_task_each_line():
    found = _found("action @frijol Poll team members about sweatshirts\naction @tcr Continue TELEC setup\n\n"
                   "- todo @ann write the docs\n- Action items are listed below\n")
    assert found == {"@frijol Poll team members about sweatshirts": ("open", "@frijol"),
                     "@tcr Continue TELEC setup": ("open", "@tcr"), "@ann write the docs": ("open", "@ann")}


def test_a_commitment_in_bold_after_a_sentence_is_one():
    found = _owners("- Bas is uncertain how to read the arrays. **Rob will check this**\n- **Rob will check that**\n"
                    "- **Important** note\n", ["Rob Clegg", "Bas Cockx"])
    assert found == {"Rob will check this": "Rob Clegg", "Rob will check that": "Rob Clegg"}


def test_a_topics_need_after_its_name_is_a_task_nobodys():
    found = _found("- `SolveChemostat`: Need to do agent growth!\n- Docs: need to be better\n"
                   "- The problem, as Bas said, need to check\n")
    assert found == {"`SolveChemostat`: Need to do agent growth!": ("suggested", None)}


def test_a_section_headed_by_someone_the_meeting_knows_holds_their_plans():
    found = _owners("## Recap\n\n### Dennis\n\n- Will try some experiments on the board\n- Need to do maintenance\n"
                    "- Ann will review it\n\n### Roadmap\n\n- Will ship in May\n", ["Dennis Marttinen", "Ann Lee"])
    assert found == {"Will try some experiments on the board": "Dennis Marttinen", "Need to do maintenance": "Dennis Marttinen",
                     "Ann will review it": "Ann Lee", "Will ship in May": None}


@pytest.mark.parametrize("bullet, text, owner", [
    ("* *Dylan* - Rawld has offered to help with Rhino", "*Dylan* - Rawld has offered to help with Rhino", "Rawld"),
    ("- Amit: I am going to try to fix the discovery issues", "Amit: I am going to try to fix the discovery issues", "Amit"),
    ("* Leon: Working on a deadline now, but next week I'm going to focus on this",
     "Leon: Working on a deadline now, but next week I'm going to focus on this", "Leon"),
    ("- Teddy says he's going to try to work through this", "Teddy says he's going to try to work through this", "Teddy"),
    ("- Cfields is planning to post a request for comments", "Cfields is planning to post a request for comments", "Cfields"),
    ("- Brandon planning to build http middleware support", "Brandon planning to build http middleware support", "Brandon"),
    ("- Bas is done, so Rob will check, clean and comment it.", "Bas is done, so Rob will check, clean and comment it", "Rob"),
])
def test_plans_said_in_more_ways(bullet, text, owner):
    assert _found(bullet + "\n")[text] == ("suggested", owner)


def test_going_somewhere_is_no_plan():
    assert _found("- He's going to Berlin next week\n") == {}


def test_a_bold_component_name_over_tasks_is_no_owner():
    found = _found("**Elastic IP Manager**\n\n- Need to wait for the query PR to merge\n")
    assert found == {"Need to wait for the query PR to merge": ("suggested", None)}


def test_a_pronouns_contraction_reads_as_the_person_named_before():
    found = _owners("- Gmaxwell has asked Luke Dashjr to take over as editor. He'll be working on the back-log.\n",
                    ["Luke Dashjr"])
    assert found == {"Luke Dashjr will be working on the back-log": "Luke Dashjr"}


def test_a_line_that_opens_with_a_commitment_is_a_sentence_of_its_own():
    found = _owners("The test classes are proving useful, but so far they are quite manual… Rob will look into automation.\n"
                    "New methods in `Vector` need commenting\nBas will speed up collision detection\n\n"
                    "The games are grabbed from the\nArcade-machine to play at run time.\n\n"
                    "- A start button? (Alternatively, the player uses\n  ESC to escape)\n", ["Rob Clegg", "Bas Cockx"])
    assert found == {"Rob will look into automation": "Rob Clegg", "Bas will speed up collision detection": "Bas Cockx"}


def test_a_discussion_table_is_read_for_what_its_notes_commit_to_not_as_tasks():
    found = _owners("## Discussion Items\n\n| Item | Who | Notes |\n| ---- | ---- | ---- |\n"
                    "| Releases | All | What do users see? Markus will ask LFE members about this. |\n"
                    "| Kafka | All | Integration is needed. Will contact FLEDGE for input on this item. |\n",
                    ["Markus Mirz"])
    assert found == {"Markus will ask LFE members about this": "Markus Mirz",
                     "Will contact FLEDGE for input on this item": None}


def test_a_task_lists_first_name_then_a_plain_verb_is_whose_it_is():
    found = _found("## Action items\n\n- [ ] Jon ask about shipping from first batch\n- [x] Rick send modules to Jon\n"
                   "- [ ] Update docs\n- [ ] Docs build fix\n- [ ] Maybe ask Jon\n- [ ] User test 2 draft script (Isabela)\n")
    assert found == {"Jon ask about shipping from first batch": ("open", "Jon"), "Rick send modules to Jon": ("done", "Rick"),
                     "Update docs": ("open", None), "Docs build fix": ("open", None), "Maybe ask Jon": ("open", None),
                     "User test 2 draft script (Isabela)": ("open", "Isabela")}


def test_an_action_table_with_a_notes_column_keeps_its_tasks():
    found = _found("## Action Items\n\n| # | Item | Owner | Due Date | Notes |\n|---|---|---|---|---|\n"
                   "| 1 | Renew domain | Bob Stone | May | |\n| 2 | Update CoC | Carol Diaz | | wip |\n\n"
                   "| Item | Assigned To | Status | Comments |\n|---|---|---|---|\n| Fix CI | Ann | open | flaky |\n")
    assert found == {"Renew domain": ("open", "Bob Stone"), "Update CoC": ("open", "Carol Diaz"), "Fix CI": ("open", "Ann")}


def test_only_the_notes_of_a_table_of_who_said_what_are_read_as_prose():
    assert _found("| Version | Notes |\n|---|---|\n| 2.0 | Users will need to migrate their configs |\n") == {}


@pytest.mark.parametrize("body", [
    "- Ann: I'm going to guess it's the cache", "- Bob: I'm going to have to disagree with that",
    "- Dennis: I'm going to push back on that a bit", "- Carol says she's going to Kubecon",
    "- Carol says she's going to miss the next two meetings", "- Bob's going to hate this change",
    "We did not decide whether\nAnn will present at the summit or not.", "We all hope\nBob will join us in Berlin.",
    "- Access model: need to know", "- The README says: need to install Rust first",
    "action @bob was asked about in the last meeting, no update",
])
def test_manners_of_speaking_and_wrapped_doubts_are_no_tasks(body):
    assert _found(body + "\n") == {}


def test_a_section_is_someones_by_their_name_not_a_chat_name():
    doc = parse_markdown("# Sync 2024-06-05\n\n### Infra\n\n- Will move the CI to new runners\n", date=dt.date(2024, 6, 5))
    found = suggest(doc, Matcher(attendees=[Person("Ann Lee", ("infra",))]))
    assert [(s.text, s.owner) for s in found] == [("Will move the CI to new runners", None)]


@pytest.mark.parametrize("body", [
    "Intro\n" + "Ann will do it\n" * 1400,  # a commitment a line: the bullet's due date read once
    "- " + "Ann said so. He'll do it. " * 800 + "\n",  # "He" looked for a few sentences back, not all
    "| Item | Who | Notes |\n|---|---|---|\n| x | Bob | " + "Ann said so. He'll do it. " * 800 + "|\n",
])
def test_many_commitments_in_one_item_take_linear_time(body):
    import time

    started = time.perf_counter()
    found = _owners(body, ["Ann Lee", "Bob Stone"])
    assert found and time.perf_counter() - started < 2  # the bullet took 15 s when each "He" read all before it


def test_tasks_grouped_by_person_under_action_items_are_theirs():
    # "## Action items" over "### Rob" over Rob's tasks, "### Closed" over the done ones; "### Docs"
    # (nobody on the roll call), "### References" and "### Notes" go on with the minutes
    found = _found("Attendees: Rob Allen, Stefan Lang\n\n## Action items\n\n### Rob\n\n* finish the solver\n\n"
                   "### Stefan:\n\n* grid settings\n\n### Closed\n\n* tag the release\n\n### Docs\n\n"
                   "* the guide is long\n\n### References\n\n* The RFC draft\n\n### Notes\n\n* the build is slow\n")
    assert found == {"finish the solver": ("open", "Rob"), "grid settings": ("open", "Stefan"),
                     "tag the release": ("done", None)}


def test_a_title_that_names_tasks_gathers_none_under_its_sections():
    doc = parse_markdown("# Follow-up\n\n## Updates\n\n- CI is green\n\n## Rob\n\n- Looked at the cache\n",
                         date=dt.date(2024, 6, 5))
    assert suggest(doc, Matcher()) == []


def test_tasks_announced_then_listed_under_each_name():
    # a sentence that announces the tasks, "###Rob:" (a heading but for the space) over each
    # one's list, short labels of the parts of the work between; a sentence of prose ends it
    found = _owners("Participants: Stefan Lang, Bastiaan Cockx\n\n## Planning\n\n"
                    "The tasks have been distributed as follows:\n\n###Rob:\n* radii in 2d\n\n###Stefan:\n\ngrid\n\n"
                    "* dimension min other than 0\n\nBoundary package (together with Rob)\n\n* node construction\n\n"
                    "This is prose. It ends the list.\n\n* a note\n")
    assert found == {"radii in 2d": "Rob", "dimension min other than 0": "Stefan Lang",
                     "node construction": "Stefan Lang"}


def test_labelled_tasks_under_action_items_keep_their_status_bullets_as_notes():
    found = _found("## Actions\n\n### CLOSED\n\n**ACTION 58.1**: Cat Herders to look at updating EIP1.\n"
                   "- **Status:** Closed.\n\n### OPEN\n\n**ACTION 62.2:** Run a full benchmark.\n"
                   "- **Status:** No update.\n- Wei proposed night gas metering.\n")
    assert set(found) == {"Cat Herders to look at updating EIP1", "Run a full benchmark"}
    assert found["Cat Herders to look at updating EIP1"][0] == "done"


def test_a_heading_indented_into_the_bullet_before_it_still_heads_the_tasks():
    found = _found("## Notes\n\n- Call for candidates in Asia\n\n  ## Action Items\n\n"
                   "- Schedule the ESC meeting within two weeks.\n- Continue the launch of the work streams.\n")
    assert found == {"Schedule the ESC meeting within two weeks": ("open", None),
                     "Continue the launch of the work streams": ("open", None)}


@pytest.mark.parametrize("body, owner", [
    ("- [@UlisesGascon](https://github.com/UlisesGascon) offered to test the Docker-based approach", "@UlisesGascon"),
    ("- [@bjohansebas](https://github.com/bjohansebas) confirmed availability to champion the router", "@bjohansebas"),
    ("- Jamie happy to review code and test code.", "Jamie"),
    ("- Carol would be glad to help with the release", "Carol"),
    ("- Benjie- it was just simplicity. I’ll experiment with adding it to `values`.", "Benjie"),
    ("- David or Brian need to look into this.", "David"),
    ("- Louis kümmert sich um kleine Plakate", "Louis"),
    ("- Olli erklärt sich bereit, die Flyer zu bestellen", "Olli"),
])
def test_offers_and_linked_or_alternative_subjects(body, owner):
    assert list(_owners(body + "\n", []).values()) == [owner]


@pytest.mark.parametrize("body", [
    "- Dave was happy to see the release", "- Eve is happy to be here", "- Bob is glad to hear that",
])
def test_being_happy_is_no_offer(body):
    assert _found(body + "\n") == {}


@pytest.mark.parametrize("body", ["## Call to Action\n\n", "before next meeting:\n\n", "## Homework\n\n"])
def test_more_headings_that_gather_tasks(body):
    assert _found(body + "- Write down a BOM\n") == {"Write down a BOM": ("open", None)}


def test_a_conjunction_before_the_subject_is_no_part_of_it():
    found = _owners("- Bernard: Yes. But I will make sure that it runs on a private network\n"
                    "- So Ann will send the draft\n", ["Bernard Smith", "Ann Lee"])
    assert list(found.values()) == ["Bernard Smith", "Ann Lee"]  # not "But I", not "So Ann"


def test_a_bullet_reporting_someone_speaks_for_the_elided_bullets_under_it():
    found = _owners("- Georgi suggested doing a test release\n  - Going to work with Roger on that\n"
                    "- Hendrik did a demo of the local testing\n  - Going to present in the next meeting\n"
                    "- The roadmap was discussed\n  - Going to publish it\n",
                    ["Georgi Stoykov", "Hendrik Ebbers", "Roger Barker"])
    assert found["Going to work with Roger on that"] == "Georgi Stoykov"
    assert found["Going to present in the next meeting"] == "Hendrik Ebbers"
    assert found["Going to publish it"] is None


@pytest.mark.parametrize("body, owner", [
    ("* Ross + Isaac will coordinate", "Ross Barnowski"),
    ("* Catherine mentioned that this was discussed and that\n  she'll post to the issue soon.", "Catherine Boisson"),
    ('  Daira - "We removed that a while ago, I\'ll check and report it as a bug."', "Daira Hopwood"),
])
def test_more_subjects_of_a_commitment(body, owner):
    found = _owners(body + "\n", ["Ross Barnowski", "Isaac Kim", "Catherine Boisson", "Daira Hopwood"])
    assert list(found.values()) == [owner]


def test_the_problem_that_someone_will_is_no_commitment():
    assert _owners("- The problem is that he will never know.\n", ["Ann Lee"]) == {}


def test_a_heading_indented_after_a_nested_list_keeps_the_file_read():
    text = ("# Sync 2024-06-05\n\n## Attendees\n- Rob Smith\n- Ann Lee\n\n## Notes\n\n- Release 1.2\n  - Tag pushed\n\n"
            "  ## Action Items\n\n- Rob to fix CI\n")
    doc = parse_markdown(text, date=dt.date(2024, 6, 5))
    assert [a.name for a in doc.attendees] == ["Rob Smith", "Ann Lee"]
    assert [(i.kind, i.text) for i in doc.sections[-1].items][-2:] == [("raw", "  ## Action Items"),
                                                                         ("action", "Rob to fix CI")]


@pytest.mark.parametrize("body", [
    "Tasks were discussed as follows:\n\n- The cache is stale\n- CI is slow\n",
    "Work on the release continues, see below:\n\n- Tag is pushed\n",
    "The work is split as follows:\n\n**Rob**\n\n- fix CI\n\nOther topics\n\n- The build is slow\n\n"
    "**Random notes**\n\n- The coffee machine broke\n",
    "Decisions:\n\n- Ship on Friday\n\n**Rob**\n\n- Worked on CI\n",
    "Action items:\n\n- Rob to update docs\n\nStefan:\n\n- I think the release is fine\n",
])
def test_what_an_announcement_or_a_label_does_not_gather(body):
    found = _found(body)
    assert set(found) <= {"fix CI", "Rob to update docs"}
    doc = parse_markdown("# Sync 2024-06-05\n\n" + body, date=dt.date(2024, 6, 5))
    assert not any(i.kind == "decision" and i.text == "Worked on CI" for i in doc.items())


def test_an_unnumbered_action_paragraph_does_not_end_the_task_list():
    found = _found("## Action items\n\n**Action:** Rob to fix CI\n\n- Ann to write docs\n- Georgi to review the PR\n")
    assert {text: status for text, (status, _) in found.items()} == {
        "Rob to fix CI": "open", "Ann to write docs": "open", "Georgi to review the PR": "open"}


@pytest.mark.parametrize("body", [
    "- Rob happy to leave it as is", "- Ann is happy to continue the current approach",
    "- Rob is willing to accept a breaking change", "- He's happy to take it",
    "- Die Webseite übernimmt die Inhalte aus dem Wiki", "- Das Team kümmert sich seit Jahren um die Server",
    "- Rob thinks that she will like it", "- [Node.js](https://nodejs.org) will drop support for v18",
    "- CI: the build is slow. I will look at it",
])
def test_likings_things_and_topics_are_no_commitments(body):
    assert all(owner is None for _, owner in _found(body + "\n").values()) and not any(
        "Node.js" in text for text in _found(body + "\n") if _found(body + "\n")[text][1])


def test_someone_asked_about_is_no_voice_for_the_bullets_under():
    found = _owners("- Ann asked whether Roger can help\n  - Will respond by email\n", ["Ann Lee", "Roger Barker"])
    assert found.get("Will respond by email") is None


def test_many_people_each_over_their_tasks_take_linear_time():
    import string
    import time

    def name(i: int) -> str:  # "Ab", "Ac", …: names of letters only
        word, i = "", i + 27
        while i:
            word, i = string.ascii_lowercase[i % 26] + word, i // 26
        return word.capitalize()

    body = ("Attendees: " + ", ".join(f"{name(i)} Lee" for i in range(1500)) + "\n\n## Action items\n\n"
            + "".join(f"### {name(i)}\n\n* do the thing\n\n" for i in range(1500)))
    started = time.perf_counter()
    doc = parse_markdown("# Sync 2024-06-05\n\n" + body, date=dt.date(2024, 6, 5))
    found = suggest(doc, Matcher(attendees=[Person(a.name, ()) for a in doc.attendees]))
    assert len(found) > 1400 and time.perf_counter() - started < 3  # one roll index, not a scan a heading


def test_a_team_with_its_person_in_brackets_in_the_owner_column():
    found = _owners("| Action Item | Owner | Status |\n|---|---|---|\n| Release Juno v0.15.3 | Juno (Rodrigo) | In Progress |\n"
                    "| Release Madara | Kasar Labs (Charlotte/Nathan) | Open |\n| Write the report | Joey Thomas (TNRIS) | Open |\n",
                    ["Rodrigo Pino", "Joey Thomas"])
    assert found == {"Release Juno v0.15.3": "Rodrigo Pino", "Release Madara": "Charlotte",
                     "Write the report": "Joey Thomas"}


def test_committed_to_doing_is_a_commitment():
    assert _owners("- Adi committed to following up on this\n- Ann committed to main yesterday\n", []) == {
        "Adi committed to following up on this": "Adi"}


def test_someone_a_task_helps_is_not_its_owner():
    found = _owners("## Action items\n\n###Rob:\n\n- Assist and advise Stefan on unfinished implementations.\n"
                    "- Help Ann with the docs\n- Ann to help Bob\n", ["Stefan Lang", "Ann Lee", "Bob Stone"])
    assert found == {"Assist and advise Stefan on unfinished implementations": "Rob",
                     "Help Ann with the docs": "Rob", "Ann to help Bob": "Ann Lee"}


def test_a_stand_up_s_plans_for_the_week_and_what_is_still_to_do_are_tasks():
    found = _found("### ⏩ What will be the project's focus this week?\n- Finish JOSE library\n\n"
                   "### Plans for this week\n- Write the RFC\n\n## Notes\n\n* Still to do:\n  * Put special files in the repo.\n"
                   "* What will happen next is unclear\n")
    assert found == {"Finish JOSE library": ("open", None), "Write the RFC": ("open", None),
                     "Put special files in the repo": ("open", None)}


def test_he_in_a_bullet_is_whom_the_bullet_over_it_names_the_words_kept():
    found = _owners("* Garrett showed Rachel the progress on the rebar.\n  * He is going to make a subtemplate\n"
                    "* CI is slow\n  * He will look at it\n", ["Garrett Smith", "Rachel Slaybaugh"])
    assert found == {"He is going to make a subtemplate": "Garrett Smith", "He will look at it": None}


def test_a_person_s_linked_name_over_their_update_owns_its_plans_and_orders():
    found = _owners("## Updates\n\n- [Abdelrahman jamal](https://github.com/Hero2323)\n\n  - Tested a model. "
                    "Looking into it. will start work on the RDF report soon.\n\n  - Test semantic transformer.\n\n"
                    "- [the docs](https://example.org)\n  - Test the build\n", ["Abdelrahman jamal"])
    assert found == {"will start work on the RDF report soon": "Abdelrahman jamal",
                     "Test semantic transformer": "Abdelrahman jamal", "Test the build": None}


def test_a_reminder_and_making_something_new_are_tasks():
    assert _found("- Remember to add a license\n- Make new page on github for problems\n- Make do with the old one\n") == {
        "Remember to add a license": ("suggested", None), "Make new page on github for problems": ("suggested", None)}


def test_he_under_a_bullet_naming_two_people_is_nobody_yet_and_links_to_pages_are_no_voice():
    known = ["Ann Lee", "Bob Stone", "Carol King"]
    assert _owners("- Ann asked Bob about the CI.\n  - He will look at it\n", known) == {"He will look at it": None}
    assert _owners("- Bob reviewed Carol's PR\n  - She will address comments\n", known) == {"She will address comments": None}
    assert _owners("- Bob\n  - He will send the slides\n", known) == {"He will send the slides": "Bob Stone"}
    assert _owners("- Meeting at 10 a.m. will start late\n- Acme Inc. will ship the SDK\n", known) == {}
    assert _owners("- [PR #12 by Bob](https://example.org/12)\n  - Test the build\n", known) == {"Test the build": None}


def test_a_topic_s_label_over_a_task_is_no_owner():
    assert _found("### What will you work on this week?\n- DIDComm Message: Body deep dive and find the spec\n") == {
        "DIDComm Message: Body deep dive and find the spec": ("open", None)}


def test_a_commitment_after_a_dash_is_its_own_sentence_where_someone_known_makes_it():
    found = _owners("* making Python citable: https://mail.python.org/x.html - Dan to follow up with Jackie ...\n"
                    "* The next release 2.0 - Ann will check the notes\n* ABI for Rust - Possible to reuse the Linux one\n"
                    "* We discussed the plan - Ann to review - and then agreed\n", ["Dan Katz", "Ann Lee"])
    assert found == {"Dan to follow up with Jackie": "Dan Katz", "Ann will check the notes": "Ann Lee",
                     "Ann to review": "Ann Lee"}


def test_a_hackmd_name_tag_over_any_order_says_whose():
    assert _found("- [name=Mridul] Respond to https://github.com/networkx/networkx/issues/5326\n"
                  "- [name=Ann] Notes are here\n- [Docs] Update the README\n- [name=Ann] Thanks everyone\n"
                  "- [name=Ann] Looks good to me\n") == {
        "[name=Mridul] Respond to https://github.com/networkx/networkx/issues/5326": ("suggested", "Mridul")}
