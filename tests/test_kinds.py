"""What a bullet is — an action, a decision — in the shapes other projects' minutes write it."""

from __future__ import annotations

import datetime as dt

import pytest

from svsm_meet.formats.labels import kind_of_text, split_label
from svsm_meet.formats.markdown_in import normalize, parse_markdown
from svsm_meet.formats.markdown_out import render


def _kinds(body: str) -> dict[str, str]:
    text = "# Team Sync 2024-06-05\n\n" + body
    doc = parse_markdown(text, date=dt.date(2024, 6, 5))
    assert render(doc) == normalize(text)
    return {i.text: i.kind for i in doc.items()}


def test_an_action_items_heading_makes_its_bullets_actions():
    kinds = _kinds("## Notes\n\n- talked about CI\n\n## Action items\n\n- Ann: update the docs\n"
                   "- Bob to file the bug\n  - with logs\n\n## Next\n\n- later\n")
    assert kinds["Ann: update the docs"] == "action" and kinds["Bob to file the bug"] == "action"
    assert kinds["with logs"] == "note" and kinds["talked about CI"] == "note" and kinds["later"] == "note"


def test_a_label_paragraph_gathers_the_list_after_it():
    kinds = _kinds("Decisions:\n\n* Ship 2.0 in May\n* Drop Python 2\n\nOther notes:\n\n* unrelated\n")
    assert kinds["Ship 2.0 in May"] == kinds["Drop Python 2"] == "decision"
    assert kinds["unrelated"] == "note"


@pytest.mark.parametrize("text, label, kind", [
    ("**DECISION 64.1:** Ronan advised that we can drop EIP-1959.", "**DECISION 64.1:** ", "decision"),
    ("[ACTION] Ann and Bob to fix it", "[ACTION] ", "action"),
    ("AI #3: Joe to look at it", "AI #3: ", "action"),
    ("Resolution: adopt the charter", "Resolution: ", "decision"),
    ("Consensus: keep the old API", "Consensus: ", "decision"),
    ("Verdict: not needed", "Verdict: ", "decision"),
    ("[link] text", None, None),
    ("[docs](https://example.org) updated", None, None),
])
def test_labels(text, label, kind):
    assert split_label(text)[:2] == (label, kind)


@pytest.mark.parametrize("text, kind", [
    ("General consensus on preferring the design with three exposures.", "decision"),
    ("It was agreed to move the call to Tuesdays", "decision"),
    ("The release date is not yet decided", "note"),
    ("Ann will look at the failing test", "note"),
    ("The attendees marked them as \"June 13: Accepted\" after discussing each one.", "decision"),
    ("The RFC was accepted by the TSC", "decision"),
    ("We can trial this now !", "decision"),
    ("JB: Believe we can start working this way now.", "decision"),
    ("Set up an alert so we can start directing folks to the forum", "note"),
    ("If we can start that, good", "note"),
    ("Once there is an ecosystem, we can start thinking about composing", "note"),
    ("Is it accepted yet", "note"),
    ("Note that the teleconference scheduled for May 22 has been cancelled.", "decision"),
    ("a proposal, which the TSC confirmed should be considered", "decision"),
    ("Ann confirmed she can attend", "note"),
    ("The BoF was accepted for the Linux Plumbers Conference.", "note"),  # news, not this call's
])
def test_prose_decisions(text, kind):
    assert kind_of_text(text) == kind


@pytest.mark.parametrize("heading", ["## Agenda", "### New agenda items", "### Standing items"])
def test_checkboxes_of_an_agenda_are_topics_not_tasks(heading):
    doc = parse_markdown(f"# Sync 2024-06-05\n\n{heading}\n\n- [ ] Coffee chats!\n  - [ ] The API now works\n"
                         "\n## Action items\n\n- [ ] Tag the release\n", date=dt.date(2024, 6, 5))
    kinds = {i.text: i.kind for i in doc.items()}
    assert kinds == {"Coffee chats!": "note", "The API now works": "note", "Tag the release": "action"}


def test_task_checkboxes_are_actions_open_or_done():
    doc = parse_markdown("# Sync 2024-06-05\n\n- [ ] Tag v1.2.0 (@alice)\n- [x] Update changelog\n",
                         date=dt.date(2024, 6, 5))
    tasks = {i.text: (i.kind, i.label) for i in doc.items()}
    assert tasks == {"Tag v1.2.0 (@alice)": ("action", "[ ] "), "Update changelog": ("action", "[x] ")}


def test_transcript_style_notes_have_speakers():
    from svsm_meet.formats.labels import speaker

    text = ("# Call 2024-06-05\n\n## Attendees\n\n- Dan Gohman\n- Sam Clegg\n- Forrest Norvell\n\n## Notes\n\n"
            "**Sam Clegg:** Why is it called nameless?\n\nDan: because you need no name.\n\n"
            "Forrest: one group, two streams of work\n\nOption A: out of the box.\n")
    doc = parse_markdown(text, date=dt.date(2024, 6, 5))
    assert render(doc) == normalize(text)
    speakers = {i.text: speaker(i.label) for i in doc.items() if i.marker == ""}
    assert speakers == {"Why is it called nameless?": "Sam Clegg", "because you need no name.": "Dan",
                        "one group, two streams of work": "Forrest", "Option A: out of the box.": None}


def test_a_label_bullet_gathers_its_children_and_labels_inside_a_bullet_count():
    kinds = _kinds("- Approaches\n   1. **Decisions**:\n      1. Reject approach 1\n      2. Adopt approach 3\n"
                   "- The tiny of tinyexr is the code size.  Conclusion: keep the name\n"
                   "- **Vote**: unanimous for option 3.\n- Notes: agreed we should do more evangelising\n")
    assert kinds["Reject approach 1"] == kinds["Adopt approach 3"] == "decision"
    assert kinds["The tiny of tinyexr is the code size.  Conclusion: keep the name"] == "decision"
    assert kinds["unanimous for option 3."] == "decision"
    assert kinds["agreed we should do more evangelising"] == "decision"


@pytest.mark.parametrize("text", [
    "Nothing was decided", "Did we reach consensus on the API", "We will not be able to attend next week",
    "We will keep an eye on CI", "Joerg agreed to review the patch", "Dan resolved the issue with the build",
    "The PR was rejected by CI because of lint", "Decision pending on the naming",
    "Ken believes this should be replaced with a hash", "Move to next meeting", "Use of AI in contributions",
    "Leave time for people to chat", "The meeting will be recorded", "Send the slides to the list",
    "Brian: Plan is to give a presentation to the TAC", "Agreement is needed before the freeze",
    "For now, Ann is out on leave", "Drop by the office on Friday", "Ann will be presenting the demo",
    "Make sure the docs build", "No one is here yet", "Keep the discussion going on the mailing list",
    "Start with a recap of last week", "Drop a note in Slack if you cannot attend", "Leave comments on the PR",
    "Stick to the agenda", "For now, nothing to report", "No updates planned this week",
    "The board will meet again in June", "Make sure the default branch is protected",
    "The meetings will be held in room 5", "The release will be delayed because of CI",
    "Ann will move to the new team next month", "Revisit when Bob is back",
    "Nobody is happy with the current state of CI", "Ann has accepted the invite to speak",
    "Colin: Will use the new API in his patch", "Ann will move to Berlin next year",
    "Everyone: please review the PR", "We will try to make progress on this before the next meeting",
    "Are we agreed that units should be read from the files (also e.g. for IRFs)?",
    "Go/no-go meeting for the release on Tuesday", "We have no Go bindings yet", "Room: Building 5, 2nd floor",
    "Group: Kubernetes SIG Docs", "Group: we might try Rust for the CLI", "Will move to the next item after the break",
    "Will use the remaining time for open questions", "Will adopt a puppy, so out next week",
    "This will be documented later by Ann", "Not sure if the docs will move to the wiki",
    "Ann and Bob will move to the infra team", "Most folks will move to the new time slot",
    "after the release Ann will move to the docs team", "Status: [resolved] the flaky test on arm64",
    "Next meetings will be 30 minutes earlier during summer time", "The output should be as follows: a JSON list",
    "Ann is happy with the new laptop", "The file was moved up a directory", "The issue was pushed to the repo",
    'My name is "Bob" on Discord', "Ann is supportive of the idea", "In support of the release we need docs",
    "The way forward is unclear", "The team is in support mode this week while Jane is out",
    "Asked whether the board is supportive of funding a second summit", "Maybe the TAC is supportive of this",
    "Thanks to the team in support of the release", "Ann thinks the way forward is to write an RFC first",
    "One way forward is to split the repo, another is to keep it", "He will be the best lead guitar",
    "The team was created in 2019 by Ann", "Not everyone is supportive of the change",
    "Some members are supportive of the idea, others are not", "No members were in support of the proposal",
    "Team in support channel is overloaded this week", "Perhaps the way forward is to fork",
    "We discussed whether the way forward is to fork", "A Slack channel has been created for the release",
])
def test_prose_that_records_no_decision(text):
    assert kind_of_text(text) != "decision"


def test_an_ai_topic_and_placeholders_are_no_tasks():
    kinds = _kinds("## AI\n\n- Copilot usage in the repo\n\n## Ai\n\n- the LLM group met\n\n"
                   "## Action items\n\n- None this week\n- Should we move to GitHub Actions?\n- Ann to tag it\n")
    assert kinds["the LLM group met"] == "note" and kinds["None this week"] == "note"
    assert kinds["Should we move to GitHub Actions?"] == "question" and kinds["Ann to tag it"] == "action"


def test_bold_labels_are_speakers_only_when_they_are_names():
    from svsm_meet.formats.labels import speaker

    doc = parse_markdown("# Sync 2024-06-05\n\n**Status:** green\n\n**Sam Clegg:** fine\n", date=dt.date(2024, 6, 5))
    assert {i.text: speaker(i.label) for i in doc.items()} == {"**Status:** green": None, "fine": "Sam Clegg"}


@pytest.mark.parametrize("text", [
    "We agree to put back RA_PNT in the header for now", "Settling on Monday 5pm GMT-0 for now",
    "Agreement that the meeting should have a broader scope", "so we'll hold off this change",
    "Third tuesday of the month?  +1 KK", "All ok with this. We will try to not change time",
    "It was concluded that the identity check stays optional",
    "We won't merge the PR until the tests pass",
    "Verible was added as a graduated project (2/2 votes). Henner Zeller is the 3rd TSC member",
    "Vote passed! (2/3 votes)", "Let's revisit after 2.7 release", "let's move away from master -> gh-pages",
    "We are adopting the Seasons model!", "Outcome so far is to keep exploring and experimenting.",
    "Mentored project list should remain static", "The TSC expressed no reservations on the migration",
    "Constance Crompton proposes acceptance; Gimena del Rio Riande seconds",
    "General agreement for multiple implementations, API would be a goal",
    "Dan motions to move the meeting forward by an hour - No objections - Meeting moved",
    "Use the CNCF Slack:notary v2 for all breakouts", "For now, remove the horizontal ones from the PR",
    "In the docs, use xarray for the horizontal derivatives", "Prioritize Rust bindings over all other sdks",
    "KK: Use the solid/specification repo / board to track todo items", "Plan to freeze master after RC1, til final.",
    "change “available” to “provided” everywhere",
    "Ownership of BEPs will be transferred to BIDS maintainers", "This function will be postponed.",
    "GIS data was changed to geospatial data.", "Coding guidelines will migrate to the new web site",
    "accepted James Vincent and Mike Friesenegger as co-chairs", "Future calls every other week during CI migration",
    "Cleaned up version for freeze will not be ready; revisit in December",
    "are there any issues with proceeding to synchronize them? [no]",
    "herb will send a note, if none received then we will move", "we'll leave it open for a few more weeks",
    "Agreement seems to be that this is a bug in the scalarizer", "Otherwise, framework seems ok to move forward",
    "Will focus on the OCI weekly call for now",
    "Julien will be the point person.", "make compile-test default in 2.8",
    "The new API is not planned", "Previous minutes accepted without further discussion",
    "Will use governance repository for future meeting notes.",
    "There was general agreement that we should support structured representations. HGVS sufficient here?",
    "Site-To-Cloud: No go for now, clarification requested",
    "No comment from the audience --> **Herbert's proposals accepted.**",
    "Group: Not essential, but good to archive the valuable conversations",
    "This meeting was a long sit: 1.5 hours. Next meetings should be 1 hour at max.",
    "Coding guidelines will move to the new web site", "The call will move to Thursdays",
    "The decision was made that for the time being, the workstream will work on its own branch",
    "Tabled discussion of adding back to AlmaLinux 9", "No ALESCo members against this",
    "The DA is happy for workstreams to go ahead and split out new APIs", "versionbits is moved back in priority a bit.",
    "Ownership of BEPs should be transferred to BIDS maintainers", "Marketing subcommittee should be created",
    "The bitcoin-discuss list will be created as well as a simple website", 'name is "Architecture PoC", for now',
    "The core team is supportive of this direction.", "Relay team in support, cosmiconfig library looks good",
    "We agreed that the way to move forward is to create written proposals",
    "In summary there is still a lot of discussion and the way to move forward is to create written proposals",
    "A working group has been formed to deal with theses issues", "Stefan Münnich will be the program chair for next year",
])
def test_prose_that_records_a_decision(text):
    assert kind_of_text(text) == "decision"


@pytest.mark.parametrize("text", [
    "Steve to arrange logistics (day 0 or +1)", "AC: +1", "eP: +1 settle it",
    'Mostly a formality but do we agree "functions in providers" is something we want',
    "No conclusion was reached on the API", "Let's discuss it next week", "We need agreement for this",
    "It takes seconds to run",
])
def test_votes_alone_and_arithmetic_are_no_decisions(text):
    assert kind_of_text(text) != "decision"


def test_labels_without_a_colon_and_gathering_headings():
    kinds = _kinds("1. Registry UI\n   1. **Decision** Please prioritise the registry RFC.\n"
                   "   1. **Context** the community asks for it.\n\n"
                   "Motion: We will not introduce more boost\n\n"
                   "## Decisions & Action Items\n\ni. Analyse tests of the tool\n\nii. Clean up CI docs\n\n"
                   "## Next steps\n\nGlen wants to get his PR merged.\n\n- Review the PR (Martha)\n\n"
                   "Thorsten:\n- all the core modules are bundled\n")
    assert kinds["Please prioritise the registry RFC."] == "decision"
    assert kinds["**Context** the community asks for it."] == "note"
    assert kinds["We will not introduce more boost"] == "decision"
    assert kinds["i. Analyse tests of the tool"] == kinds["ii. Clean up CI docs"] == "action"
    assert kinds["Review the PR (Martha)"] == "action"
    # prose under "Next steps", and a speaker's own list there, are not tasks
    assert kinds["Glen wants to get his PR merged."] == kinds["all the core modules are bundled"] == "note"


def test_main_points_of_the_meeting_are_its_decisions():
    kinds = _kinds("Main points to come out of meeting:\n\n- Splitting Metropolis into 2 hard forks.\n\n"
                   "## Key Points\n\n- There is a need for a flexible channel\n")
    assert kinds["Splitting Metropolis into 2 hard forks."] == "decision"
    assert kinds["There is a need for a flexible channel"] == "note"  # points of discussion


@pytest.mark.parametrize("text", [
    "Not ready to drop support for Python 2 entirely", "The release is ABI-compatible, so won't need to update so version",
    "Overall: everyone receptive to new compilers.", "Conclusion after the kickoff meeting was that we'd have a proposal",
])
def test_determinations_are_decisions(text):
    assert kind_of_text(text) == "decision"


def test_ticked_agenda_topics_are_no_tasks():
    kinds = _kinds("## Agenda:\n\n* [x] Plan next release\n    * [ ] Assign reviewers\n\n"
                   "## Action items\n\n* [ ] Tag the release\n")
    assert kinds["Plan next release"] == kinds["Assign reviewers"] == "note"
    assert kinds["Tag the release"] == "action"


def test_a_votes_heading_and_a_tally_make_decisions():
    kinds = _kinds("## Votes\n\n- Jane Doe as TSC voting member (4/5 Votes)\n- Forbid direct pushes\n\n"
                   "## Notes\n\n- The charter change passed 7-0.\n- Talked about the release.\n")
    assert kinds["Jane Doe as TSC voting member (4/5 Votes)"] == kinds["Forbid direct pushes"] == "decision"
    assert kinds["The charter change passed 7-0."] == "decision"
    assert kinds["Talked about the release."] == "note"


def test_a_transcript_without_attendance_has_its_speakers():
    text = ("# Team Sync 2024-06-05\n\nAnn: Let us look at the release.\n\nBob: It is on track.\n\n"
            "Ann: Good. Any blockers?\n\nBob: None.\n\nDate: tomorrow\n")
    doc = parse_markdown(text, date=dt.date(2024, 6, 5))
    assert render(doc) == normalize(text)
    assert [i.label for i in doc.items()] == ["Ann: ", "Bob: ", "Ann: ", "Bob: ", None]


def test_a_lazy_continuation_of_a_bullet_is_read_not_kept_raw():
    kinds = _kinds("* Update on the working group\n [#83](https://example.org/83)\n"
                   "Notes: agreed we should do more evangelising.\n* Early disclosure program\n")
    assert kinds["Update on the working group"] == "note"
    assert kinds[" [#83](https://example.org/83)\nNotes: agreed we should do more evangelising."] == "decision"
    assert "raw" not in kinds.values()


def test_tags_of_a_legend_and_a_label_naming_its_owner():
    kinds = _kinds("1. Safety Pamphlet \\- progress (Andrew) [todo] -- no time left\n"
                   "2. Chapter selection for initial guidelines: [decision]\n\n"
                   "* \\[todo\\] Joel will try to find a member to host\n"
                   "* Action Item to @Keenuts to expand documentation on DXC's behavior\n")
    assert kinds["Safety Pamphlet \\- progress (Andrew) [todo] -- no time left"] == "action"
    assert kinds["Chapter selection for initial guidelines: [decision]"] == "decision"
    assert kinds["Joel will try to find a member to host"] == "action"
    assert kinds["@Keenuts to expand documentation on DXC's behavior"] == "action"


def test_votes_done_gathers_decisions_and_an_action_heading_keeps_its_orders():
    kinds = _kinds("Votes done:\n\n- EVerest will get a security review\n\n## Action items\n\n"
                   "- Keep the simple names for those\n")
    assert kinds["EVerest will get a security review"] == "decision"
    assert kinds["Keep the simple names for those"] == "action"


def test_a_few_lines_quoted_are_paragraphs_each_read_for_what_it_records():
    kinds = _kinds("> Dan - All the submitted comments have been resolved.\n"
                   "> Motions: any objections? - no objections - **The project is approved.**\n\n"
                   "> a sentence quoted\n> and wrapped over two lines\n")
    assert kinds["Motions: any objections? - no objections - **The project is approved.**"] == "decision"
    assert kinds["Dan - All the submitted comments have been resolved."] == "note"
    assert kinds["> a sentence quoted\n> and wrapped over two lines"] == "raw"


@pytest.mark.parametrize("text, kind", [
    ("Larry: [ACTION] We should take the canonical alleles?", "action"),
    ("Take the list. [ACTION] We should work on an implementation", "action"),
    ("Is this [todo] list ok?", "question"),
])
def test_a_tag_inside_a_speaker_s_turn(text, kind):
    assert kind_of_text(text) == kind


@pytest.mark.parametrize("text, label, kind", [
    ("(**Action**) Henry will check if a room is free", "(**Action**) ", "action"),
    ("**[Action for Jan]** Ericsson will provide maintainers", "**[Action for Jan]** ", "action"),
    ("Decision taken without objection: there should be no private repositories", "Decision taken without objection: ",
     "decision"),
    ("Action NC/LA/GJT: install the pipeline on a server", "Action NC/LA/GJT: ", "action"),
    ("ACTION ITEM: send the survey", "ACTION ITEM: ", "action"),
    ("(Optional) read the draft", None, None),
    ("(Result) passed without objection", None, None),
    ("Action Required: read the draft", None, None),
    ("TODO ASAP: fix the build", None, None),
])
def test_labels_in_brackets_and_with_whose(text, label, kind):
    assert split_label(text)[:2] == (label, kind)


def test_decisions_adopted_and_a_report_under_action_items():
    kinds = _kinds("### Decisions Adopted\n\n- Enable KVM on PPC64LE for AlmaLinux 9\n\n"
                   "## Action items\n\n- Bob: Release 2.0 was approved by the TSC\n- Ann: draft the charter\n")
    assert kinds["Enable KVM on PPC64LE for AlmaLinux 9"] == "decision"
    assert kinds["Bob: Release 2.0 was approved by the TSC"] == "decision"
    assert kinds["Ann: draft the charter"] == "action"


def test_the_grouped_hints_find_what_the_plain_list_finds():
    import re

    from svsm_meet.formats import labels

    hints = [h for h in labels._DECIDED_HINTS if h != "+1"]
    plain = re.compile(r"(?<![a-z])(?:" + "|".join(map(re.escape, hints)) + r")|\+1")
    texts = [f"so {h} then" for h in labels._DECIDED_HINTS] + [
        "we agreed", "agreement", "nothing to see", "all", "allow it", "the board is happy with it", "x+1",
        "let’s go", "no-go", "in favour", "unsettled", "disagree", "okay", "fine", "happy", "not ready yet"]
    for text in texts:
        assert bool(plain.search(text)) == bool(labels._DECIDED_HINTS_RE.search(text)), text


@pytest.mark.parametrize("text, kind", [
    ("I think that would work. Anyone opposed?", "decision"),  # a proposal put to the floor, nobody opposing
    ("We ship on Monday. Any objections?", "decision"),
    ("Any objections?", "question"), ("Is it done? Anyone?", "question"),
    ("Nobody is okay with just ignoring deprecations entirely", "decision"),
    ("Nobody was in favour of a rename", "decision"),
    ("Nobody is happy with CI", "note"),  # a mood, not a verdict
    ("Jonathan: Motion to revisit this at a later time", "decision"), ("Motion to adopt the bylaws", "decision"),
    ("A motion to table was discussed", "note"),
])
def test_a_verdict_put_or_given_without_a_label(text, kind):
    assert kind_of_text(text) == kind


def test_an_agreements_heading_gathers_decisions():
    kinds = _kinds("## Agreements\n\n- Release on the first Monday\n\n## License agreements\n\n- CLA bot is flaky\n")
    assert kinds == {"Release on the first Monday": "decision", "CLA bot is flaky": "note"}


@pytest.mark.parametrize("text", [
    "CI keeps timing out. Anyone?", "We could switch to GitHub Actions. Any concerns?",
    "If nobody is okay with it, we will revert", "Nobody is fine with the current state of CI",
    "Motion to close the issue, not seconded", "Motion to accept the proposal withdrawn",
])
def test_a_call_for_help_a_complaint_or_a_motion_that_fell_is_no_decision(text):
    assert kind_of_text(text) != "decision"


@pytest.mark.parametrize("text", [
    "Chris noted he's been working on consensus-related work", "Regarding Malachite consensus tests, no news",
    "**Malachite**: Consensus engine developed by Informal Systems",
    "**Tendermint**: Byzantine Fault Tolerant consensus protocol being implemented by Juno",
    "Consensus is broken on testnet after the fork", "The consensus of the chain halted",
    "They should be pretty much onboarded right now on core consensus concerns:",
])
def test_consensus_as_a_thing_s_name_decides_nothing(text):
    assert kind_of_text(text) == "note"


@pytest.mark.parametrize("text", [
    "General consensus on preferring the design", "There was consensus.", "We reached consensus",
    "Strong consensus among attendees that this will help", "Rob Read was elected Product Owner (USDS #6)",
    "Consensus emerged to adopt RFC 12", "Team consensus favored Rust", "Consensus leans toward option B",
    "Lazy consensus applies; merge on Friday", "Consensus decision to move on", "Ann was appointed to the board",
])
def test_consensus_reached_and_someone_elected_are_decisions(text):
    assert kind_of_text(text) == "decision"


def test_a_sentence_that_announces_decisions_gathers_the_bullets_after_or_under_it():
    kinds = _kinds("We discussed the release. We agreed on the following:\n\n- Ship on Monday\n- Drop Python 3.8\n\n"
                   "Other business.\n\n- CI is slow\n- The following was decided:\n  - Keep the logo\n"
                   "  - Move calls to Tuesday\n- Ann will ask whether:\n  - X is done\n")
    assert kinds == {
        "We discussed the release. We agreed on the following:": "decision", "Ship on Monday": "decision",
        "Drop Python 3.8": "decision", "Other business.": "note", "CI is slow": "note",
        "The following was decided:": "decision", "Keep the logo": "decision", "Move calls to Tuesday": "decision",
        "Ann will ask whether:": "note", "X is done": "note",
    }


def test_a_table_of_decisions_is_a_decision_a_row_and_comes_back_as_written():
    body = ("## Key Decisions Summary\n\n| Decision | Rationale | Impact |\n|----------|-----------|---------|\n"
            "| Mainnet deployment confirmed for September 1st | Ready | Downtime |\n| TBD | x | y |\n"
            "| Proceed despite bot traffic | SDKs exist | Some fail |\n\n## Other\n\n| Topic | Outcome |\n| --- | --- |\n"
            "| Logo | Keep the old one |\n| Site | - |\n\n| Topic | Notes |\n| --- | --- |\n| Logo | We like it |\n\n"
            "## Decisions\n\n| Topic | Notes |\n| --- | --- |\n| Calls | Tuesdays from May |\n\n"
            "| Action | Owner |\n| --- | --- |\n| Send slides | Ann |\n")
    kinds = _kinds(body)
    decided = sorted(text for text, kind in kinds.items() if kind == "decision")
    assert decided == ["| Calls | Tuesdays from May |", "| Logo | Keep the old one |",
                       "| Mainnet deployment confirmed for September 1st | Ready | Downtime |",
                       "| Proceed despite bot traffic | SDKs exist | Some fail |"]
    # a table of notes, or of tasks, stays one raw block
    assert "| Topic | Notes |\n| --- | --- |\n| Logo | We like it |" in kinds
    assert "| Action | Owner |\n| --- | --- |\n| Send slides | Ann |" in kinds


@pytest.mark.parametrize("text, kind", [
    ("*Not planning on accepting contributions now*", "decision"),
    ("We are not planning to ship 2.0 this year", "decision"),
    ("I am not planning to attend", "note"), ("Not planning to attend KubeCon", "note"),
    ("Bob: not planning to attend", "note"), ("The board was elected in 2019", "note"),
    ("Officers were elected last year, terms end in May", "note"),
])
def test_what_the_project_is_not_planning_is_decided(text, kind):
    assert kind_of_text(text) == kind


@pytest.mark.parametrize("text, kind", [
    ("Deprioritized for now unless someone volunteers to maintain them", "decision"),
    ("Kept open as a tracker for infrastructure needs", "decision"),
    ("We parked the car outside", "note"), ("Nothing else planned", "note"),
])
def test_a_verdict_in_a_topic_s_first_words(text, kind):
    assert kind_of_text(text) == kind


@pytest.mark.parametrize("text, kind", [
    ("Der Antrag wurde einstimmig angenommen.", "decision"), ("Der Vorstand einigt sich auf einen Ort für den Tresor", "decision"),
    ("Il a été décidé de migrer vers GitLab", "decision"), ("Se acordó publicar la versión 2.0", "decision"),
    ("Er is besloten om de release uit te stellen", "decision"), ("Foi decidido adiar a versão", "decision"),
    ("Wir haben angenommen, dass es regnet", "note"), ("Die Einigung steht noch aus", "note"),
    ("Rien n'a été décidé", "note"), ("No se acordó nada", "note"), ("Não foi decidido nada", "note"),
    ("Non è stato approvato", "note"), ("Niet unaniem", "note"), ("Het voorstel is unaniem", "decision"),
    ("Es wurde angenommen, dass der Server läuft", "note"), ("Er wordt aangenomen dat de server draait", "note"),
    ("Der Antrag wird angenommen, falls niemand widerspricht", "note"), ("Se votará por unanimidad si hay quórum", "note"),
    ("Le format est adopté par beaucoup de projets", "note"), ("En mai, il a été décidé de migrer", "decision"),
])
def test_decisions_written_in_other_languages(text, kind):
    assert kind_of_text(text) == kind


@pytest.mark.parametrize("text, label, kind", [
    ("Beschluss: Es wird regelmäßig nach besseren Lösungen geschaut.", "Beschluss: ", "decision"),
    ("Entscheidung: Wir bleiben bei Matrix", "Entscheidung: ", "decision"),
    ("Décision : on garde Matrix", "Décision : ", "decision"), ("Acuerdos: publicar la 2.0", "Acuerdos: ", "decision"),
    ("Aufgabe: Yannik schreibt die Mail", "Aufgabe: ", "action"), ("Tâche : envoyer le compte rendu", "Tâche : ", "action"),
])
def test_labels_in_other_languages(text, label, kind):
    assert split_label(text)[:2] == (label, kind)


def test_a_speaker_whose_name_is_a_word_of_another_language_still_speaks():
    assert split_label("Tarea: I'll send the invite")[1] is None


def test_headings_in_other_languages_gather_decisions_and_tasks():
    kinds = _kinds("## Beschlüsse\n\n- Wir bleiben bei Matrix\n\n## Aufgaben\n\n- Yannik schreibt die Mail\n\n"
                   "## Décisions\n\n- On garde le logo\n\n## Decisão\n\n- Manter o logo\n\n## Notizen\n\n"
                   "- Frank kommt später\n- Aufgaben:\n  - keine\n")
    assert kinds == {"Wir bleiben bei Matrix": "decision", "Yannik schreibt die Mail": "action",
                     "On garde le logo": "decision", "Manter o logo": "decision", "Frank kommt später": "note",
                     "Aufgaben:": "note", "keine": "note"}  # a bullet's "Aufgaben:" gathers nothing, as "Tasks:"


def test_a_heading_inside_a_topic_s_bullet_heads_the_list_under_it_and_ends_with_the_bullet():
    body = (" - Tidelift thoughts, from Sebastian\n   * NumPy has been with tidelift for 2 years\n   \n"
            "   ## Takeaways\n    - The burden is minimal\n\n   ## Action items\n   - [x] Dan will reply to the email\n\n"
            " - Keyword-only arguments\n   * Ideas: a decorator\n\n   ## Action items\n   - [ ] Ross will update #5063\n\n"
            " - Other business\n")
    kinds = _kinds(body)
    assert kinds["Dan will reply to the email"] == "action" and kinds["Ross will update #5063"] == "action"
    assert kinds["Keyword-only arguments"] == "note" and kinds["Other business"] == "note"
    assert kinds["The burden is minimal"] == "decision"  # "Takeaways" gathers what was settled
    assert kinds["Tidelift thoughts, from Sebastian"] == "note"


def test_headings_at_a_bullet_s_end_still_gather_what_follows_and_a_line_no_block_holds_keeps_it_whole():
    kinds = _kinds("- last point\n\n  ## Notes\n  ## Action Items\n- Ann to send slides\n- Bob will fix the docs\n")
    assert kinds["Ann to send slides"] == "action" and kinds["Bob will fix the docs"] == "action"
    kinds = _kinds("- Topic\n  ## Action items\n  [x]: http://a\n  - Ann will fix\n- Other\n")
    assert kinds == {"- Topic\n  ## Action items\n  [x]: http://a\n  - Ann will fix": "raw", "Other": "note"}
