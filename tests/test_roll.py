"""Attendance in the shapes other projects write it: the people are records, the lines come back."""

from __future__ import annotations

import datetime as dt

import pytest

from svsm_meet.formats.markdown_in import normalize, parse_markdown
from svsm_meet.formats.markdown_out import render
from svsm_meet.formats import roll
from svsm_meet.formats.roll import person

TITLE = "# Team Sync 2024-06-05\n\n"

SHAPES = {
    "attending heading": ("## Attending\n\n* Cary Phillips\n* Kimball Thurston\n\n## Discussion\n\n* x\n",
                          ["Cary Phillips", "Kimball Thurston"], []),
    "members heading": ("## Members\n\n- Jane Doe\n- John Smith\n", ["Jane Doe", "John Smith"], []),
    "bold label, hard breaks": ("**Members present:**  \nJane Doe  \nJohn Smith\n\n## Notes\n\n* x\n",
                                ["Jane Doe", "John Smith"], []),
    "roll call with org and handle": ("Roll call:\n\n- Jane Doe / ACME / @jdoe\n- Li Wei / Example Corp / @lwei\n",
                                      ["Jane Doe", "Li Wei"], []),
    "numbered with org": ("## Attendees\n\n1. Jane Doe (ACME)\n2. John Smith (Example Corp)\n",
                          ["Jane Doe", "John Smith"], []),
    "checkboxes under sub-headings": (
        "## Attendance\n\n### Maintainers\n\n- [x] Jane Doe - ACME\n- [ ] Bob Brown - Initech\n\n"
        "### Guests\n\n- [x] Li Wei\n\n## Release\n\n- [ ] Ship the release\n",
        ["Jane Doe", "Li Wei"], ["Bob Brown"]),
    "linked heading": ("## [Attendees](https://example.org/roster):\n\n- Jane Doe\n- John Smith\n",
                       ["Jane Doe", "John Smith"], []),
    "month in the label": ("## June Attendees:\n\n* Jane Doe\n* John Smith\n", ["Jane Doe", "John Smith"], []),
    "table of names": ("## Attendees\n\n| Name | Organisation |\n| --- | --- |\n| Jane Doe | ACME |\n"
                       "| John Smith | Example Corp |\n", ["Jane Doe", "John Smith"], []),
    "name, org is one person": ("Attendees: Jane Doe, Linux Foundation, John Smith (Intel)\n"
                                "Regrets: Peter C.\n\nAgenda:\n\n1) Quorum\n",
                                ["Jane Doe", "John Smith"], ["Peter C"]),
    "handles and e-mails": ("## Present\n\n* Colin Ihrig (@cjihrig)\n* Peter Marton @hekike\n"
                            "* Thomas Watson: @watson\n* Forrest Norvell (async-listener,\n  tracing) <f@example.org>\n"
                            "* Team: @example/security-wg\n", ["Colin Ihrig", "Peter Marton", "Thomas Watson",
                                                               "Forrest Norvell"], []),
    "name, org bullets under the heading": ("## Attendees\n\n* Jane Doe, Red Hat\n* John Smith, Google\n",
                                            ["Jane Doe", "John Smith"], []),
    "the role first, in parentheses": ("## Voting Members\n\n- [x] (Chair) Marco Möller [Pionix]\n"
                                       "- [ ] Ann Lee [Acme]\n", ["Marco Möller"], ["Ann Lee"]),
    "present, absent and guests a paragraph each": (
        "## Attendees\n\nPresent: Ann Lee, Bob Ray\n\nAbsent:  Carl Fox\n\nGuests: Dana Wu (Linux Foundation)\n\n"
        "## Agenda\n\n* x\n", ["Ann Lee", "Bob Ray", "Dana Wu"], ["Carl Fox"]),
    "a comma inside parentheses": ("Attendees: Zoe Hoyal (Cabinet Office, secretariat), Tom Steinberg\n",
                                   ["Zoe Hoyal", "Tom Steinberg"], []),
    "one HTML paragraph a line (a word processor's export)": (
        "<p><strong>Attendees:</strong></p>\n<p>Ann Lee (Chair)</p>\n<p>Bob Ray, Initech (Deputy)</p>\n"
        "<p><strong> </strong></p>\n<p><strong>Apologies:</strong></p>\n<p>Carl Fox</p>\n"
        "<p><strong>1. Welcome</strong></p>\n<p>The Chair welcomed all.</p>\n",
        ["Ann Lee", "Bob Ray"], ["Carl Fox"]),
    "who, beside where and when": ("## Logistics\n\nWhere: Zoom\n\nWho:  ESGF CWT:\n- Ag Stephens (STFC CEDA)\n"
                                   "- Sasha Ames (LLNL)\n\n## Actions\n\n- [ ] AS: add a section\n",
                                   ["Ag Stephens", "Sasha Ames"], []),
    "a remark between the label and its colon": (
        "**Participants** (alphabetical): Theodore Beers, Beatrice Gründler\n\nTopics discussed\n",
        ["Theodore Beers", "Beatrice Gründler"], []),
    "initials beside names, a name wrapped over lines": (
        "**Participants:** Syd Bauman (SB), James Cummings (JC)\n (Chair), Peter\n W Stadler (PWS)\n\n## Notes\n\n* x\n",
        ["Syd Bauman", "James Cummings", "Peter W Stadler"], []),
    "a check-in area, a name and an emoji each": (
        "## Check-in area\n\n**Please add your name, and an emoji that describes your day.**\n\n"
        "* Pete LeVasseur, 😄\n* Marc Schoolderman 😶\u200d🌫️\n* Walter Pearce (Rust Foundation) 👾\n",
        ["Pete LeVasseur", "Marc Schoolderman", "Walter Pearce"], []),
    "checkboxes under the heading": ("## Attendees\n\n- [x] Ann Lee\n- [ ] Bob Ray\n", ["Ann Lee"], ["Bob Ray"]),
    "org, handle, e-mail under the heading": (
        "## Attendees\n\n- Jane Doe / ACME / @jdoe\n- Li Wei <li@example.org>\n- John Smith - Google\n",
        ["Jane Doe", "Li Wei", "John Smith"], []),
    "a host line before the attendance": ("Host: Zoom\n\n## Attendees\n\nAnn Lee, Bob Ray, Carl Sagan\n",
                                          ["Ann Lee", "Bob Ray", "Carl Sagan"], []),
    "presenters are no attendance": ("Presenters: Release Process, Docs Update\n\n* Kubernetes\n", [], []),
    "name, org a line under a bold label": ("**Members present:**  \nJane Doe, ACME  \nJohn Smith, Initech\n",
                                            ["Jane Doe", "John Smith"], []),
    "two people a line, each line its own label": ("Attendees: Jane Doe, John Smith\nRegrets: Ann Lee, Bob Ray\n",
                                                   ["Jane Doe", "John Smith"], ["Ann Lee", "Bob Ray"]),
    "a label without its colon, then the tasks": (
        "Attendees\n\n* Jane Doe\n* John Smith\n\nAction Items\n\n* John - send the notes\n",
        ["Jane Doe", "John Smith"], []),
    "a quorum line after the roll call": ("## Attendees\n\n- [x] Jane Doe - ACME\n- [x] John Smith\n\nQuorum: ✅\n",
                                          ["Jane Doe", "John Smith"], []),
    "an agenda sub-heading ends the roll call": (
        "## Attendance\n\n* Ann Lee (@ann)\n* Bob Ray\n\n### Agenda Items\n\n* Release Planning\n",
        ["Ann Lee", "Bob Ray"], []),
    "chat names under a heading that says how": (
        "## Attendees (by discord name)\n* Alex_P [Amazon]\n* geds-dm [Amazon]\n* colinb [APMG]\n"
        "* tony B [Amazon]\n* Nicole Hussman [Lf]\n\n## Topics\n\n* the release\n",
        ["Alex_P", "geds-dm", "colinb", "tony B", "Nicole Hussman"], []),
    # One attendance under "Roll Call / Attendance", every group of it read.
    "roll call groups under its heading": (
        "### Roll Call / Attendance\n\n#### Voting members\n\n* Simon Johnson (Intel)\n"
        "* Dave Thaler (Microsoft)\n\n#### Attendees\n\n* Eric Voit (Cisco)\n\n"
        "#### Also Participating\n* Kurt Taylor (Linux Foundation)\n\n### Interns\n\n* Nick Vidal update on interns\n",
        ["Simon Johnson", "Dave Thaler", "Eric Voit", "Kurt Taylor"], []),
    "attended this meeting, and recently in the past": (
        "# Roll Call\n\n## Attended this meeting\n\n- Matt Weber - Boeing\n- Gary Crum (Voyager)\n\n"
        "## Attended recently in the past\n\n- Tim Bird - Sony\n\n# Announcements\n\n- None\n",
        ["Matt Weber", "Gary Crum"], ["Tim Bird"]),
    "observers under a heading of their own": (
        "## Attendees\n\n* Jane Doe\n* John Smith\n\n## Non-voting observers\n\n* Li Wei\n\n"
        "## Regrets\n\n* Bob Brown\n\n## Release\n\n* Ship it\n",
        ["Jane Doe", "John Smith", "Li Wei"], ["Bob Brown"]),
    "the round of hellos, in handles": ("## Agenda\n\n  - Hello\n  - Status round\n\n## Hello\n\n  - rgdd\n"
                                        "  - nisse\n\n## Status round\n\n  - rgdd: back from vacation\n",
                                        ["rgdd", "nisse"], []),
    "a bold label with a remark over the list": (
        "**Time:** 14:00 (UTC)\n\n**Participants** (please add your name)\n\n* Leo Uieda\n* Santi Soler\n\n"
        "**Discussion points:**\n\n* Leo was invited to write an article.\n", ["Leo Uieda", "Santi Soler"], []),
    "the roll call on the paragraph's second line": (
        "Dec 4, 15h-16h\nAttended: Jason Rowe, Loïc Albert, Geert Jan Talens \n\n* Goal is to have simulations.\n",
        ["Jason Rowe", "Loïc Albert", "Geert Jan Talens"], []),
    "chairs and attendees on headings of their own": (
        "##### Chairs: Matt Brush, Javier Lopez\n##### Attendees “Name (Affiliation)”: Melissa Cline (BRCA "
        "Exchange), Andy Yates, Zhenyu Zhang (University of Chicago)\n\n##### Minutes:\n\nSome text.\n",
        ["Matt Brush", "Javier Lopez", "Melissa Cline", "Andy Yates", "Zhenyu Zhang"], []),
    "ticked boxes, the organisation after a dash": (
        "## Invited TSC Participants\n\n* [x] Herbert Damker - (Deutsche Telekom AG) Active Maintainer, TSC chair\n"
        "* [ ] Adnan Saleem - (Radisys) End User Council representative\n* [x] Henry Calvert - GSMA representative\n",
        ["Herbert Damker", "Henry Calvert"], ["Adnan Saleem"]),
    "a head count over the names": (
        "## Attendees\n18 people total.\nCamdon Cady\nJeff McLamb\n\nMark Nelson\nNoah\n\n## Topics\n\nvCluster.\n",
        ["Camdon Cady", "Jeff McLamb", "Mark Nelson", "Noah"], []),
    "a heading with its closing hashes, an organisation after the name": (
        "# Attendees #\n  * Tim Culp\n  * Jennifer Tucker Vanderbilt University\n\n"
        "# Decisions #\n  * Multi-part field name will match the binary item id\n",
        ["Tim Culp", "Jennifer Tucker"], []),
    "a time in the label": (
        "Attendees at 4:30pm: Morgaine Barter, Lily Lan, Daniel Agbay,  Jiahao Zheng, Robert Osborne\n\n"
        "Absent: Roy Chen\n\n## Notes\n\n* Task sheet.\n",
        ["Morgaine Barter", "Lily Lan", "Daniel Agbay", "Jiahao Zheng", "Robert Osborne"], ["Roy Chen"]),
    "the note-taker by the first name of one in the check-in": (
        "## Check-in area\n\n* Pete LeVasseur, 😄\n* Fernando Jose 🤓\n* Sarah Dietrich 😀\n\n**Notetaker:**\n\n"
        "* Fernando\n\n## Housekeeping\n\n* Zulip moved.\n", ["Pete LeVasseur", "Fernando Jose", "Sarah Dietrich"], []),
    "groups under the roll call heading, whatever their words": (
        "## Present\n\n### Steering Council\n\n* Bernhard Steubing (BS)\n* Chris Mutel (CM)\n\n### External\n\n"
        "* Jonathan Kidner (JK)\n\n## Discussion\n\n### Data\n\n* Imports are important\n",
        ["Bernhard Steubing", "Chris Mutel", "Jonathan Kidner"], []),
    "the chair in a paragraph before the attendees paragraph": (
        "Chair: Carol Danvers\n\nAttendees: Ann Lee, Bob Brown\n\n## Notes\n\n* x\n",
        ["Carol Danvers", "Ann Lee", "Bob Brown"], []),
    "an indented heading over a comma line of first names": (
        " \n ## Attendees:\n Arushi, Joanna, Jamuna\n \n ## Discussion\n 1. Introductions\n",
        ["Arushi", "Joanna", "Jamuna"], []),
    "a legend over 'Name / Organisation' bullets, spaced every way": (
        "## **In Attendance:**\n\n**Name / Organisation**\n\n   * Malvika / OSPO Now + The Turing Way\n"
        "   * Josephine /APHRC\n   * Ousmane / \n   * Moctar/ IRESSEF\n\n**Apologies**\n\n   * Miranda / APHRC\n\n"
        "## Agenda:\n\n   1. Welcome\n", ["Malvika", "Josephine", "Ousmane", "Moctar"], ["Miranda"]),
    "a bullet that is a list of names, most of them full": (
        "## Attendees\n\n* Li Zi (Clement), Gopi Krishnan Rajbahadur, Zicheng Qu (Zev), Andrew\n\n## Agenda\n\n* x\n",
        ["Li Zi", "Gopi Krishnan Rajbahadur", "Zicheng Qu", "Andrew"], []),
    "one person, their organisation and where they are": (
        "## Attendees\n\n* John Smith, Initech, Ghana\n* Bob Ray, @bray, Initech\n\n## Agenda\n\n* x\n",
        ["John Smith", "Bob Ray"], []),
    "groups named for organisations, one bullet struck through": (
        "## Attendees\n\n### Google\n\n- Carl Fox\n- ~~Dana Wu~~\n\n### Intel\n\n- Eve Park\n\n## Agenda\n\n* x\n",
        ["Carl Fox", "Eve Park"], []),
    "names in Chinese, with full-width brackets, the present in bold": (
        "## Attendees\nTSC members who attended:\n\n-  **刘芷若（信通院）**  \n-  **丁韩宇（中移动）** \n\n## Agenda Items\n\n* x\n",
        ["刘芷若", "丁韩宇"], []),
    "a label paragraph with its names, then the minutes in lists": (
        "**participants**: Nomi, Gregg, Ed\n\n- AI: Suzi to contact John about getting code for BRIX\n\n<!-- -->\n\n"
        "- Gregg\n  - Draggable issue. Went with Mitch's suggestion.\n  - However, JQuery doesn't support it\n"
        "  - Possible solution: a faux feature\n  - AI: Nomi to check.\n",
        ["Nomi", "Gregg", "Ed"], []),
    "a table headed by attendance, in chat names": (
        "|Attendees|\n|---------|\n|kitsonk|\n|dylanks|\n|cjolif|\n\n## Agenda\n\n* Status of 1.11\n",
        ["kitsonk", "dylanks", "cjolif"], []),
    "a code block of chat names and names, in columns": (
        "## Notes\n\n* x\n\n## Participants\n\n    wumpus           Wladimir J. van der Laan  \n"
        "    btcdrak          btcdrak  \n    sipa\tPieter Wuille\n",
        ["Wladimir J. van der Laan", "btcdrak", "Pieter Wuille"], []),
    "a fenced block of names": ("## Attendees\n\n```\nJane Doe\nJohn Smith\n```\n", ["Jane Doe", "John Smith"], []),
    "a person a line under the title, without a label": (
        "December 11, 2015\n\nRachel Shekar  \nDavid LeBauer  \nEric Lyons (AZ)  \nElodie (Cornell)\n\n"
        "-   Eric has a similar pipeline\n-   Rachel and David to check with Elodie\n",
        ["Rachel Shekar", "David LeBauer", "Eric Lyons", "Elodie"], []),
    "topics a line under the title are no attendance": (
        "Open Source\nMachine Learning\nData Science\n\n* Data is key\n", [], []),
    "names a line that the minutes never name again are no attendance": (
        "John Smith\nJane Doe\nBob Stone\n\n* Jane will check\n", [], []),
    "sentences a line under the title are no attendance": (
        "Welcome everyone.\nAnn Lee chaired.\nNotes by Bob Stone.\n\n* x\n", [], []),
    "a log of meetings, each with its attending bullet": (
        "## 2021-01-05\n\n- Attending: Brandon Bayer, Adam Markon\n- Notes\n\n"
        "## 2021-01-12\n\n- Attending: Brandon Bayer, Fran Zekan\n- More notes\n",
        ["Brandon Bayer", "Adam Markon", "Fran Zekan"], []),
    "a log of meetings, each with its participants label over a list": (
        "## Jan\n\n**Participants** (please add your name)\n\n* Leo Uieda\n* Santi Soler\n\n**Discussion points:**\n\n"
        "* Harmonica roadmap\n\n## Feb\n\n**Participants** (please add your name)\n\n* Santi Soler\n* Lu Li\n\n"
        "**Discussion points:**\n\n* xrft tests\n",
        ["Leo Uieda", "Santi Soler", "Lu Li"], []),
    "a log of meetings, each with its participants line": (
        "**Participants** (alphabetical): Theodore Beers, Jonas Müller\n\n- Notes\n\n## Next\n\n"
        "**Participants** (alphabetical): Theodore Beers, Xenia Kudela\n\n- More notes on the workshop\n",
        ["Theodore Beers", "Jonas Müller", "Xenia Kudela"], []),
    "a subtitle over names a line under the title": (
        "Monthly Sync\nAnn Lee\nBob Stone\n\n* Ann will check. Bob to review.\n", ["Ann Lee", "Bob Stone"], []),
    "places a line under the title are no attendance": (
        "San Francisco\nNew York\nBuenos Aires\n\n* New features were shown.\n", [], []),
    "a chat log under the attendees heading is no attendance": ("## Attendees\n\n    <ann> hi\n    <bob> hello\n", [], []),
    "code under the attendees heading is no attendance": (
        "## Attendees\n\n    make test\n    git push --force origin main\n", [], []),
    "guests after the regrets": (
        "## Attendees\n\n* David LaBianca (Google)\n* Jason Clinton (Anthropic)\n\n## Regrets:\n\n"
        "Dustin Kirkland (Chainguard), Kapish Vanvaria (EY)\n\n## Guests:\n\nClaudia Rauch (OASIS), "
        "Hsien-Hsin “Sean” Lee (Intel)\n\n**Quorum**: 34 PGB members\n\n## Agenda\n\n- Intros\n",
        ["David LaBianca", "Jason Clinton", "Claudia Rauch", "Hsien-Hsin “Sean” Lee"],
        ["Dustin Kirkland", "Kapish Vanvaria"]),
    "name and organisation split by a bar, a role first": (
        "## Attendees\n\n- **Moderator:** Aayush Giri | Nethermind\n- Thiago Ribeiro | Nethermind\n- egecaner\n",
        ["Aayush Giri", "Thiago Ribeiro", "egecaner"], []),
    "attending the meeting": ("Attending the meeting: Adam, April, Bill\n\n##Roles\n\n* x\n", ["Adam", "April", "Bill"], []),
    "a roll call in German": ("## Anwesende\n\n* Yannik\n* Louis (Protokoll)\n\n## Notizen\n\n* Frank kommt\n",
                              ["Yannik", "Louis"], []),
    "a roll call in German, the absent in a paragraph": (
        "Anwesend: Yannik, Louis\nEntschuldigt: Frank\n\n## Notizen\n\n* x\n", ["Yannik", "Louis"], ["Frank"]),
    "name@organisation lines, a GitHub name in brackets": (
        "## Attendees Present\n\nToby Chen@WeBank(Tianjian)\nDylan Fan@WeBank(dylan-fan)\nLayne Peng@VMware\n"
        "Clarkieliu@Tencent\n\n## Minutes\n\n* x\n", ["Toby Chen", "Dylan Fan", "Layne Peng", "Clarkieliu"], []),
    "name@organisation with a role or how they were there": (
        "## Attendees\n\n* Ann Lee@Google (Chair)\n* Bob Stone@Intel (remote)\n\n## Minutes\n\n* x\n",
        ["Ann Lee", "Bob Stone"], []),
    "name@organisation bullets": ("## Attendees\n\n* Toby Chen@WeBank\n* Shuqi Qin@Tencent\n\n## Minutes\n\n* x\n",
                                  ["Toby Chen", "Shuqi Qin"], []),
    "a time beside a name is still the person": (
        "Attendees:\nAnn Lee: 10:00\nBob Stone: 10:05 left\nDan Brown: 9am\n\n## Notes\n\n* x\n",
        ["Ann Lee", "Bob Stone", "Dan Brown"], []),
    "labels of the meeting's times after the roll call are no one": (
        "**Anwesend:** Ann Lee, Bob Stone\n\n**Beginn der Sitzung:** 19:35 Uhr\n**Ende der Sitzung:** 20:18 Uhr\n\n"
        "## TOP 1\n\nx\n", ["Ann Lee", "Bob Stone"], []),
    "an emoji before the heading's word": (
        "## ℹ️ Info\n**Location**: Hangout\n\n## 👥 Participants\n- @nothingismagick\n- @l1h3r\n\n## 🙋️ Standup\n\n- x\n",
        ["@nothingismagick", "@l1h3r"], []),
}


@pytest.mark.parametrize("shape", SHAPES)
def test_attendance_shapes(shape):
    body, present, absent = SHAPES[shape]
    text = TITLE + body
    doc = parse_markdown(text, date=dt.date(2024, 6, 5))
    assert [a.name for a in doc.attendees if a.present] == present
    assert [a.name for a in doc.attendees if not a.present] == absent
    assert render(doc) == normalize(text)


def test_a_task_list_outside_the_roll_call_is_tasks():
    doc = parse_markdown(TITLE + SHAPES["checkboxes under sub-headings"][0], date=dt.date(2024, 6, 5))
    (task,) = [i for i in doc.items() if i.text == "Ship the release"]
    assert task.kind == "action" and task.label == "[ ] "
    roll_call = [i for i in doc.items() if i.text.startswith("Jane Doe")]
    assert roll_call[0].kind == "note"


@pytest.mark.parametrize("entry", ["Agenda", "the notes of last week", "TBD", "Regrets", "1) Quorum",
                                   "@nodejs/security-wg", "Linux Foundation"])
def test_what_is_not_a_person(entry):
    assert person(entry) is None


def test_attendance_as_bullets_among_others():
    from svsm_meet.formats.markdown_in import parse_markdown
    text = ("# 2016-09-06 - Monthly telcon\n\n* Tuesday, September 6, 2016 at 11 am CEST\n"
            "* Participants: Catherine Boisson, Tarek Hassan, Jaime Rosado,\n"
            "  José Luis Contreras, Daniela Dorner\n\n## Agenda\n\n- things\n")
    doc = parse_markdown(text, date=dt.date(2016, 9, 6))
    assert [a.name for a in doc.attendees] == ["Catherine Boisson", "Tarek Hassan", "Jaime Rosado",
                                               "José Luis Contreras", "Daniela Dorner"]
    text = ("# TSC 2022-10-20\n\n* Host: Stephen Mackenzie\n* TSC Attendees:\n  * [ ] Allan Johns - NVIDIA\n"
            "  * [x] Jean-Christophe Morin\n* Other Attendees:\n  * [x] Zach Lewis - Company3 / Method Studios\n\n"
            "## Agenda\n\n* [x] Plan next release\n")
    doc = parse_markdown(text, date=dt.date(2022, 10, 20))
    assert [(a.name, a.present) for a in doc.attendees] == [
        ("Allan Johns", False), ("Jean-Christophe Morin", True), ("Zach Lewis", True)]
    kinds = {i.text: i.kind for i in doc.items()}
    assert kinds["Jean-Christophe Morin"] == kinds["Plan next release"] == "note"  # roll, agenda


def test_a_template_line_is_no_attendee():
    from svsm_meet.formats import roll
    assert roll.person("Next Meeting Scheduled For: July 14, 2022") is None


@pytest.mark.parametrize("absent_heading", ["Not present", "Regrets", "Apologies"])
def test_a_heading_of_the_absent_after_the_attendees(absent_heading):
    text = (TITLE + "## Attendees\n\n* Martin Odersky ([@odersky](https://github.com/odersky)), EPFL\n"
            "* Seth Tisue ([@SethTisue](https://github.com/SethTisue)), Lightbend\n\n"
            f"## {absent_heading}\n\n* Iulian Dragos ([@dragos](https://github.com/dragos)), Triplequote\n\n"
            "## Topics\n\n* x\n")
    doc = parse_markdown(text, date=dt.date(2024, 6, 5))
    assert [(a.name, a.present, a.handle, a.affiliation) for a in doc.attendees] == [
        ("Martin Odersky", True, "@odersky", "EPFL"), ("Seth Tisue", True, "@SethTisue", "Lightbend"),
        ("Iulian Dragos", False, "@dragos", "Triplequote")]
    assert render(doc) == normalize(text)


def test_a_heading_missing_its_space_still_opens_the_roll():
    text = TITLE + "##Attendees ##\n\n* Jane Doe\n* John Smith\n\n## Notes\n\n* x\n"
    doc = parse_markdown(text, date=dt.date(2024, 6, 5))
    assert [a.name for a in doc.attendees] == ["Jane Doe", "John Smith"]
    assert render(doc) == normalize(text)


def test_a_long_line_of_at_signs_is_read_at_once():
    import time

    started = time.perf_counter()
    assert person("@a" * 5000) is None
    assert time.perf_counter() - started < 2  # it took minutes when an e-mail could start at any @


def test_chat_names_count_only_in_the_roll_calls_own_list():
    """A lower-case word is somebody under an attendance heading, and nobody elsewhere."""
    doc = parse_markdown(TITLE + "## Topics\n\n* colinb\n* geds-dm\n", date=dt.date(2024, 6, 5))
    assert doc.attendees == []
    assert person("colinb") is None and person("colinb", nicks=True).name == "colinb"
    assert person("agenda items", nicks=True) is None and person("none", nicks=True) is None


def test_a_line_in_bold_is_a_group_of_the_roll_call_or_the_topic_that_ends_it():
    text = TITLE + ("### Roll Call / Attendance\n\n***Other Attendees***\n\n* Mike Bursell (CCC)\n"
                    "* Intel - Mona Vij\n\n**Outreachy internship**\n\n* Zahra Tarkhani introduced herself\n"
                    "* All agreed to continue the discussion via email\n")
    doc = parse_markdown(text, date=dt.date(2024, 6, 5))
    assert [a.name for a in doc.attendees] == ["Mike Bursell", "Mona Vij"]
    assert [i.kind for i in doc.sections[-1].items][-1] == "decision"
    assert render(doc) == normalize(text)


def test_a_table_of_attendees_with_a_column_that_says_who_was_there():
    text = TITLE + ("## Attendance\n\n| Organisation | Representative | Present |\n| --- | --- | --- |\n"
                    "| ACME | Jane Doe | ✓ |\n| Initech | Bob Brown | |\n| Example Corp | Li Wei | yes |\n\n"
                    "## Release\n\n* Ship it\n")
    doc = parse_markdown(text, date=dt.date(2024, 6, 5))
    assert [(a.name, a.affiliation) for a in doc.attendees if a.present] == [("Jane Doe", "ACME"), ("Li Wei", "Example Corp")]
    assert [a.name for a in doc.attendees if not a.present] == ["Bob Brown"]
    assert render(doc) == normalize(text)


def test_emoji_pronouns_and_icebreaker_answers_beside_names():
    text = TITLE + ("## Attendees\n\n* Malvika :key: \n* Anne :sunflower: -> :cloud: (where did the sun go?!)\n"
                    "* Roza (she/her) + is there a long holiday coming up??? + 🐳\n"
                    "* Max (he/his), outside as well if the weather allows it\n* Esther\n\n## Topics\n\n* x\n")
    doc = parse_markdown(text, date=dt.date(2024, 6, 5))
    assert [a.name for a in doc.attendees] == ["Malvika", "Anne", "Roza", "Max", "Esther"]
    assert not any(a.affiliation for a in doc.attendees)  # no pronouns or answers as organisations
    assert render(doc) == normalize(text)


def test_a_role_written_before_the_name():
    assert person("Exec. Director: Tracy Teal").name == "Tracy Teal"
    assert person("Intel - Dan Middleton").name == "Dan Middleton"
    assert person("Matt Weber - Boeing").name == "Matt Weber"


def test_bold_lines_in_a_roll_call_that_name_companies_or_remark():
    text = TITLE + ("## Attendees\n\n**Intel**\n\n- Ann Lee\n\n**Note: Bob left early**\n\n- Bob Ray\n\n"
                    "Attendees: Cy Dee\nAbsentees: Carl Diaz\n\n## Topics\n\n- x\n")
    doc = parse_markdown(text, date=dt.date(2024, 6, 5))
    assert [a.name for a in doc.attendees if a.present][:2] == ["Ann Lee", "Bob Ray"]
    assert render(doc) == normalize(text)
    doc = parse_markdown(TITLE + "Attendees: Ann Lee, Bob Ray\nAbsentees: Carl Diaz\n", date=dt.date(2024, 6, 5))
    assert [(a.name, a.present) for a in doc.attendees] == [("Ann Lee", True), ("Bob Ray", True), ("Carl Diaz", False)]


def test_long_headings_and_brackets_stay_linear():
    import time

    for heading in ["a" + " " * 20000 + "b", "[Ann, " * 5000]:
        started = time.perf_counter()
        parse_markdown(TITLE + "## " + heading + "\n\n- x\n", date=dt.date(2024, 6, 5))
        assert time.perf_counter() - started < 0.5
    # a bullet of four thousand names, each comma looked at once (not read on to the line's end)
    for names in ["刘芷若, " * 4000, "Ann Lee, " * 2500]:
        started = time.perf_counter()
        parse_markdown(TITLE + "## Attendees\n\n- " + names + "\n", date=dt.date(2024, 6, 5))
        assert time.perf_counter() - started < 1.5


def test_an_underlined_heading_is_read_as_the_heading_it_is():
    """'Attendees' over '======' (a setext heading) stays as written and still opens the roll
    call; 'A, B, and C' is three people."""
    text = ("Attendees\n======\n\nNoa Zilberman, Nick McKeown, and Robert Soule\n\nAction Items\n======\n\n"
            "1. Steve and Nick will identify modules from the course.\n")
    doc = parse_markdown(text, date=dt.date(2018, 5, 14))
    assert [a.name for a in doc.attendees] == ["Noa Zilberman", "Nick McKeown", "Robert Soule"]
    assert [i.kind for i in doc.items()][-1] == "action"
    assert render(doc) == normalize(text)


def test_a_first_heading_over_the_roll_call_is_no_title():
    """'# Participants' opening the file heads the attendance: no series 'Participants'."""
    text = "# Participants\n\n- Marcin Hoppe (Auth0)\n- Jason Keirstead (IBM Security)\n\n# Agenda & notes\n\n- x\n"
    doc = parse_markdown(text, filename="2020-08-24.md")
    assert [a.name for a in doc.attendees] == ["Marcin Hoppe", "Jason Keirstead"]
    assert doc.title is None and doc.series == "Meeting" and doc.date == dt.date(2020, 8, 24)
    assert render(doc) == normalize(text)


def test_a_label_with_a_remark_names_its_group_without_the_remark():
    doc = parse_markdown(TITLE + "**Participants** (please add your name)\n\n* Leo Uieda\n", date=dt.date(2024, 6, 5))
    assert [(a.name, a.group) for a in doc.attendees] == [("Leo Uieda", "Participants")]


def test_a_host_is_no_chair_and_a_roll_line_in_a_topic_is_no_roll_call():
    doc = parse_markdown(TITLE + "## Host: Google Meet\n## Attendees: Ann Lee, Bob Stone\n\n## Notes\n\nHello.\n",
                         date=dt.date(2024, 6, 5))
    assert [a.name for a in doc.attendees] == ["Ann Lee", "Bob Stone"]
    doc = parse_markdown(TITLE + "## CI\n\nThe new CI is live.\nAttending: KubeCon EU, Open Source Summit\n",
                         date=dt.date(2024, 6, 5))
    assert doc.attendees == []


def test_a_topic_heading_under_an_empty_roll_call_heading_is_no_group():
    doc = parse_markdown(TITLE + "## Attendees\n\n### Release status\n\n* Shipped the beta to users\n* CI is green\n\n"
                         "### Next release\n\n* Jane Doe\n", date=dt.date(2024, 6, 5))
    assert [a.name for a in doc.attendees] == []
    # ... nor any table that is not a list of people
    for table in ("| Owner | Task |\n|---|---|\n| Jane Doe | Ship it |\n",
                  "| Attendance | Count |\n|---|---|\n| In person | 12 |\n| Remote | 30 |\n",
                  "| Participants | Answer |\n|---|---|\n| Most | yes |\n| Some | no |\n"):
        assert parse_markdown(TITLE + table, date=dt.date(2024, 6, 5)).attendees == []


@pytest.mark.parametrize("after", [
    "### Open questions\n\n- Hosting costs\n", "### Highlights\n\n- New logo\n",
    "### Notes\n\n- Jim Hall: CI is flaky\n", "### Funding\n\n- Grant renewal was submitted\n- Budget\n",
    "### Docs\n\n- Tutorials\n- Examples\n",
])
def test_the_minutes_after_the_groups_of_the_roll_call_are_no_people(after):
    doc = parse_markdown(TITLE + "## Present\n\n### Steering Council\n\n* Ann Lee\n* Ben Stone\n\n" + after,
                         date=dt.date(2024, 6, 5))
    assert [a.name for a in doc.attendees] == ["Ann Lee", "Ben Stone"]
    for body in ("## Attendees\n\n### Welcome\n\n- Introductions\n",
                 "## Attendees\n\n### Agenda\n\n1. Welcome\n\n### Discussion\n\n- Ann: CI is flaky\n"):
        assert parse_markdown(TITLE + body, date=dt.date(2024, 6, 5)).attendees == []


def test_a_chat_name_in_the_roll_calls_columns_is_the_persons_alias():
    doc = parse_markdown(TITLE + "## Participants\n\n    wumpus    Wladimir J. van der Laan\n    sipa      Pieter Wuille\n",
                         date=dt.date(2024, 6, 5))
    assert [(a.name, a.handle) for a in doc.attendees] == [("Wladimir J. van der Laan", "wumpus"), ("Pieter Wuille", "sipa")]


def test_a_role_or_a_time_zone_beside_a_name_is_no_chat_name():
    doc = parse_markdown(TITLE + "## Attendees\n\n    Chair    Ann Lee\n    PST      Bob Stone\n", date=dt.date(2024, 6, 5))
    assert [(a.name, a.handle) for a in doc.attendees] == [("Ann Lee", None), ("Bob Stone", None)]



def test_organisations_are_no_roll_call_of_initials():
    doc = parse_markdown(TITLE + "Attendees: IBM, AWS, SAP, Red Hat\n\n* x\n", date=dt.date(2024, 6, 5))
    assert [a.name for a in doc.attendees] == []


def test_a_quoted_word_is_a_nickname_only_between_names():
    assert roll.looks_like_name("Hsien-Hsin “Sean” Lee")
    assert not roll.looks_like_name("'TBD'") and not roll.looks_like_name("Bob 'Bobby'")
