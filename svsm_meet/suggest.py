"""Follow-ups nobody wrote down as such: sentences in the minutes that commit someone to something.

    "Stefano will investigate further."                      -> Stefano Garzarella, suggested
    "Joerg Roedel suggests coordinating with Jon Lange ..."  -> unassigned, Jon Lange stays in the text
    "They will work on getting a CFP out soon."              -> the people named before "They"
    "A link ... will be added to the README file."           -> unassigned
    "Action Item: Joerg Roedel will update the repos."       -> open, not merely suggested

Only bullets are read; owners are named by the one name matcher (names.py): the directory, with
the meeting's attendees settling a first name two people share.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from .action_table import action_rows, is_notes_header, rows_of, table_rows
from .dates import due_in_text
from .formats.labels import (BOLD_LINE_RE, GATHERING_ACTION_WORDS, LEADING_STATUS_RE, HeadingKinds, heads_a_list,
                             kind_of_heading, label_initials, says_done, says_own_plans, speaker,
                             split_speaker, task_after_inner_label, tasks_for, without_closing,
                             without_status, written_status)
from .formats.attendees import comma_parts, is_org
from .formats.roll import Roll, clean, heads_someones_tasks, looks_like_name, names_people
from .model import Document, Due, Item
from .names import Matcher, Person

_NAME = r"[A-Z][\w'’.-]*(?:\s+(?:de\s+|van\s+|von\s+)?[A-Z][\w'’-]*){0,2}"
_HANDLE = r"@[A-Za-z0-9][\w-]*"
# One person or a few: "Stefano", "@kjin", "Varun/Ashish", "Glen & Thorsten", "Wei and Alexey".
_ONE = rf"(?:{_NAME}|{_HANDLE})"
_WHO = rf"{_ONE}(?:(?:,\s*{_ONE})*,?\s+(?:and|&|or)\s+{_ONE}|(?:\s*(?:/|&|\+|\band\b)\s*{_ONE})*)"
_PRONOUN = r"They|We|He|She|I"
_PRONOUNS = tuple(_PRONOUN.split("|"))  # a subject that names no one by itself
# "I'm going to" a plan, not a manner of speaking ("I'm going to guess it's DNS", "… to push back").
_PLAN_VERB = (r"(?!guess|say|have to|push back|pass\b|stop|hate|love|miss|need|disagree|agree|be honest|assume|argue|"
              r"interrupt|repeat|ask (?:you|a)|answer|share my|keep it short)[a-z]")
_MODAL = (
    rf"will|shall|is going to|are going to|(?:am|[’']m|[’']s) going to(?= {_PLAN_VERB})|is about to|are about to|plans? to|"
    r"(?:is |are |am |[’']m )?planning to|agreed to|agrees to|"
    r"offered to|offers to|volunteered to|volunteers to|has volunteered to|have volunteered to|"
    r"promised to|promises to|needs? to|has to|have to|intends? to|is to|are to|will try to|"
    # ... in German minutes: "Louis kümmert sich um …", "Olli erklärt sich bereit, …".
    r"kümmert sich(?: darum| um)?|erklärt sich bereit,?|"
    # An offer: "Jamie happy to review code", "Carol would be glad to help", "confirmed availability to …".
    r"(?<![’']s )(?:(?:is|am|are|would be|[’']d be|[’']m)\s+)?(?:happy|willing|glad) to(?= (?:help|review|take|work|write|look|"
    r"test|lead|run|host|present|draft|organi[sz]e|coordinate|give|share|contribute|update|prepare|send|check|"
    r"investigate|try|pick|own|champion|mentor|set up|put together|turn|reach out|follow up)\b)|"
    r"confirmed (?:(?:his|her|their) )?availability to|(?:has )?committed to(?= [a-z]+ing\b)|"
    r"took an action to|took the action to|should|can|still owes|owes|[’']ll|"
    # Reported: "John said he would take it to the list"; given: "Lewis tasked with finding …".
    rf"(?:said|says) (?:that )?(?:he|she|they)(?: would| will|[’']d|[’']ll|(?:[’']s| is| are) going to(?= {_PLAN_VERB}))|(?:is |was |has been )?tasked with|"
    r"(?:is|are|was|has been|were|have been) (?:asked|requested|tasked) to|(?:has|have|had) (?:offered|volunteered|agreed) to"
)
# "will be in charge of", "will be working on": still a commitment ("will be released" is none).
_BE_DOING = r"(?:able|in charge|responsible|the (?:owner|lead|point of contact)|(?!going\b)[a-z]+ing\b)"
_COMMIT_RE = re.compile(  # (not "Das Team kümmert sich seit Jahren …": a German article is nobody)
    rf"^(?!(?:Der|Die|Das|Den|Dem|Ein|Eine)\s)(?P<who>{_WHO}|{_PRONOUN})(?:\s+(?:(?:also|then|now|still|first)\s+)?|(?=[’'](?:ll|[ms] going|m happy|d be)))(?:{_MODAL})\s+"
    rf"(?!be\b(?!\s+{_BE_DOING})|not\b|have been\b)(?P<rest>\S.*)$"
)
# A commitment without its subject, after a speaker's label or a name written before it:
# "will post initial documentation EOD", "to drive a discussion at summit".
_ELIDED_RE = re.compile(rf"^(?:[Ww]ill|to|is going to|[Gg]oing to|is to|needs to|(?:[Pp]ropose|[Pp]lan|[Ii]ntend|[Oo]ffer|[Vv]olunteer) to)\s+(?!be\b(?!\s+{_BE_DOING}))[a-z]+\b")
# Commitments of the group, nobody's in particular yet.
_OURS_RE = re.compile(
    r"^(?:let[’']?s|we should|we can|we need to|we must|we will need to|needs? (?:to|further|more)|"
    r"next steps? (?:is|are|will be)|action here is|plan is to|the plan is to|someone (?:should|needs to|will)|"
    # A group's, not a person's: "staff to pursue arrangements", "Maintainers need to submit patches".
    # "Code owners are requested to watch …", "Relay team to think about …", "IGSN technical group
    # was tasked to propose …".
    # (a word before: a name, not a verb's "Adding people to core", but "Testing team", "Steering committee")
    r"(?:the )?(?:(?-i:[A-Z][\w-]*(?<!ing) )|(?-i:[A-Z][\w-]*ing )(?=(?:team|group|committee|wg|sig)\b))?"
    r"(?-i:[a-z]+ )?(?:staff|team|maintainers|editors|chairs|organi[sz]ers|everyone|"
    r"everybody|members|owners|reviewers|contributors|participants|committee|group|wg|sig|people|folks) "
    r"(?:to|needs? to|should(?! (?:have [a-z]+ed|have been|be aware)\b)|(?:is|are) (?:asked|requested|tasked) to|"
    r"(?:was|were|has been|have been) tasked to|"
    # asked or expected, said of a group, with when it is due ("Members were asked to vote by
    # Friday"; "Participants were asked to introduce themselves" was done in the meeting)
    r"(?:is|are|was|were) (?:asked|expected) to(?= [^.;]*\b(?:by|before|until)\s+\w)) (?=[a-z]))\b",
    re.I,
)
# The chair steering the call, not work to do after it: "Let's move on", "Let's start with …".
_FLOW_RE = re.compile(
    r"^let[’']?s (?:start|begin|move|go (?:on|back|over|through|to|around)|continue|talk|discuss|"
    r"switch|jump|skip|wrap|get started|recap|take (?:a|the) (?:break|next)|come back|return|"
    r"hear|see what)\b", re.I)
# Words that start sentences but never name an owner.
_NOT_OWNERS = {
    "it", "this", "that", "these", "those", "there", "here", "what", "which", "who", "everyone",
    "everybody", "nobody", "someone", "somebody", "people", "folks", "all", "each", "both", "some",
    # A group by its role: "Candidates to provide a statement", "Maintainers to review".
    "candidates", "maintainers", "members", "chairs", "reviewers", "contributors", "participants",
    "attendees", "volunteers", "authors", "owners", "leads", "nominees", "committee", "board",
    "council", "staff", "editors",
    # ... or a judgement: "Better to introduce it later", "Best to wait".
    "better", "best", "good", "nice", "important", "easier", "hard",
    "most", "many", "nothing", "something", "anything", "the", "a", "an", "one", "next", "then",
    "also", "now", "today", "tomorrow", "plan", "meeting", "group", "team", "community", "project",
    "release", "work", "discussion", "you", "they", "we", "he", "she", "i", "our", "your", "their",
    "how", "why", "when", "where", "agreement", "decision", "consensus", "conclusion", "outcome",
    "proposal", "suggestion", "question", "goal", "idea", "action", "status", "update", "note",
    "summary", "nothing", "none", "no", "yes", "please", "thanks", "we're", "we’re", "i'm", "i’m", "they're",
    "they’re", "it's", "it’s", "@all", "@here", "@channel", "@everyone", "users", "customers", "developers",
    # verbs that open a sentence without a subject: "Need to consider …", "Aim to gather …",
    # "May need to delay …", "Might need to consider …"
    "need", "needs", "aim", "plan", "plans", "try", "want", "have", "has", "going", "decide",
    "may", "might", "could", "would", "should", "must", "can", "shall", "will", "probably", "maybe",
    "agree", "continue", "start", "remember", "make", "remain", "remains", "expect", "hope",
    "able", "unable", "due", "ready", "time", "help", "ask", "follow", "keep", "look", "consider",
    "propose", "proposed", "suggest", "intend", "intends", "wish", "like", "prefer", "volunteer",
    "soon", "later", "still", "yet", "already",
    # A status or a placeholder after a dash ("Q3 planning -- TBD", "Update the roadmap -- Done").
    "done", "wip", "tbd", "tba", "tbc", "todo", "n/a", "pending", "ongoing", "complete", "completed", "closed",
    # Days and months ("Tuesday, Wednesday and Thursday - office hours"), but not those that are
    # also first names (April, May, June, August).
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
    "march", "july", "september", "october", "november", "december",
}
# Endings of words that are things, not people ("Mitigation will …", "Fuzzing will …", "Agreed to").
_THING_RE = re.compile(r"(?:ing|tion|sion|ment|ness|ity|ance|ence|ism|ed)$", re.I)
_SUGGESTS_RE = re.compile(
    rf"^(?P<who>{_NAME})\s+(?:suggests|suggested|proposes|proposed|recommends|recommended)\s+"
    r"(?P<what>[a-z]+ing\b.*)$"
)
# What follows "to" where it is no infinitive: "Defer to next meeting", "Move to the next item".
_NOT_VERBS = {
    "the", "a", "an", "be", "this", "that", "these", "those", "all", "date", "do", "next", "my", "our",
    "your", "their", "his", "her", "its", "each", "every", "some", "any", "main", "master", "previous",
    "later", "future", "today", "tomorrow", "now", "me", "us", "them", "him",
}
_NOT_VERB = rf"(?!(?:{'|'.join(sorted(_NOT_VERBS))})\b)"
_TO_DO_RE = re.compile(rf"^(?P<who>{_WHO})\s*(?:\s|[-–:]\s+)to\s+{_NOT_VERB}(?P<verb>[a-z]+)\b")
# "Michael - open PR to move to stage 3", "Joe: squash & merge": a name, a dash, the task.
# "Priyanka, Tristan: look at …": the first of the names before the colon.
# "akm to review", "tommy will look": an IRC-style nick, only where it is someone's.
_NICK_TO_DO_RE = re.compile(r"^(?P<who>[a-z][\w.-]{1,30}(?:\s+and\s+[a-z][\w.-]{1,30})?)\s+(?:to|will)\s+(?P<verb>[a-z]+)\b")
_HANDLE_FIRST_RE = re.compile(rf"^(?P<who>{_HANDLE})(?:\s*(?:/|&|\band\b)\s*{_HANDLE})*[:,]?\s+(?=\S)")
# "**[Dan Middleton, Aeva Black]** Develop …", "[Matt W] Ask …": the owners in brackets first.
_BRACKETS_FIRST_RE = re.compile(
    rf"^(?:\*\*|__)?\[(?:name=)?(?P<who>{_ONE})(?:\s*(?:,|/|&|\band\b)\s*{_ONE})*\](?:\*\*|__)?:?\s+(?=\S)")
_NEEDS_SOMEONE_RE = re.compile(
    r"^(?:(?:we|they)\s+)?(?:still\s+)?needs?\s+(?:someone|somebody|a volunteer|volunteers|an owner|a champion)\s+to\s+[a-z]",
    re.I)
_ALL_BOLD_SENTENCE_RE = re.compile(r"^(?P<e>\*\*|__)(?P<words>[^*_]+?)(?P=e)[.!]?$")
_BOLD_START_RE = re.compile(rf"^(?P<e>\*\*|__)(?P<who>{_WHO})(?P=e)(?=\s)")
_LINKED_START_RE = re.compile(rf"^\[(?P<who>{_HANDLE})\]\([^()\s]*\)(?=\s)")  # "[@riosje](https://…) will …"
_DASHED_RE = re.compile(rf"^(?P<who>{_WHO})(?:,\s*{_ONE})*\s*(?:[-–—]|:)\s+(?P<verb>[A-Za-z][a-z]+)\b")
# "Review the PR (Martha)", "Follow up with Tania (Isabela to Tania)", "Update the docs (assigned
# to Carol)", "Clarify the process. – Claudia": the owner written after.
# "… codebase [ACB]", "… [SM / RP]", "… [YJ self-assigned]": the owners in brackets after.
_AFTER_RE = re.compile(rf"(?:(?:\*\*|__)?\((?:(?i:assigned to|owner|assignee|AP|AI|action)\s*:?\s+)?(?P<who>{_WHO})(?:\s+to\b[^()]*)?\??\s*\)(?:\*\*|__)?|(?<=\S)\s+(?:--|[-–—])\s+(?P<dashed>{_WHO})"
                       rf"(?:,\s*{_ONE})*(?:\s*\([^()]*\))?|\[(?P<bracketed>{_WHO})(?:\s+self[- ]assigned)?\])[.#\s]*$")
_PASSIVE_RE = re.compile(
    r"\b(?:will|shall|needs? to|has to|have to|should|must)\s+be\s+"
    r"(?:[a-z]+ed|sent|written|done|made|set up|shared|taken|given|put|brought up|built)\b"
)
# "Meeting link to be posted on slack", "Slides to be shared": a thing to be done, at the start of
# a sentence with no verb before it ("It is good to be prepared", "Remains to be seen" are none).
_TO_BE_DONE_RE = re.compile(
    r"^(?!(?i:nothing|no|not|none|lots|much|plenty|more|less|enough|too)\b)(?:(?!(?i:is|are|was|were|am|be|been|"
    r"seems?|seemed|happy|glad|nice|good|great|needs?|wants?|likes?|going|used|has|have|had|hopes?|hoping|expected|"
    r"expects|appears?|appeared|likely|unlikely|yet|remains?|ought|about|able|ready|turned|out|proved|proves|proven|"
    r"tends?|tended|accepted|sorry|due|set|scheduled|supposed|meant|intended|planned|said|thought|known|believed|"
    r"lots|much|plenty|more|enough|too)\b)[\w'’-]+\s+){1,5}"
    # ... and not what is still open ("Date to be confirmed", "Venue to be determined")
    r"to be (?!(?:confirmed|determined|decided|announced|defined|discussed|seen)\b)(?:[a-z]+ed|sent|written|done|"
    r"made|set up|shared|taken|given|put|built)\b")
_UNKNOWN_RE = re.compile(
    r"\b(?:is|are|was|were)\s+(?:still\s+)?(?:not\s+(?:yet\s+)?known|unknown|not\s+(?:yet\s+)?"
    r"(?:decided|set|clear))\b|\bTBD\b|\bto be determined\b",
    re.I,
)
_OPEN_LABELS = GATHERING_ACTION_WORDS
# Not "etc.": it ends a list, and a capital after it starts the next sentence ("… shepherd, etc.
# Jeff/Ryan/Camdon to sync offline.").
_ABBREVIATIONS = ("e.g.", "i.e.", "vs.", "cf.", "approx.", "Dr.", "Mr.", "Ms.", "Mrs.", "St.", "a.m.", "p.m.",
                  "Inc.", "Ltd.", "Corp.", "et al.", "Jr.", "Sr.", "Prof.")


@dataclass
class Suggestion:
    item: Item
    text: str
    owner: Person | None
    due: Due | None
    status: str  # "suggested"; "open" for "Action Item:" and tasks, "done" for ticked ones
    owner_text: str | None = None  # an owner nobody in the directory is, as written ("Mike")


# "… the docs, tests, etc. By Friday.": when the sentence before is to be done, not one of its own.
_WHEN_ONLY_RE = re.compile(r"(?:By|Before|Until|Due)(?: (?!way\b)[\w-]+){1,3}[.!]?")
# ("… arrays. **Rob will check**"; "Looking into it. will start on RDF soon": a plan, its subject left out)
_SENTENCE_END_RE = re.compile(r"(?<=[.!?…])\s+(?=(?:\*\*|__)?[A-Z\"'(@]|(?:will|going to) [a-z])")
_RUNS_ON = {"the", "a", "an", "to", "of", "from", "with", "for", "and", "or", "by", "in", "on", "at", "that",
            "which", "who", "is", "are", "was", "were", "will", "can", "as", "than", "but", "so", "if", "when",
            "asked", "told", "let", "help", "helped", "said", "says", "thinks", "think", "uses", "use", "using",
            "via", "like", "into", "about", "whether", "hope", "hopes", "doubt", "doubts", "believe", "believes",
            "wonder", "wonders", "assume", "assumes", "unless", "because", "since", "until", "although", "though",
            "expect", "expects", "not", "sure"}
# A line of a paragraph that opens with someone's commitment, after a line that did not end a
# sentence ("… needs commenting" / "Bas will speed up collision detection …"): a sentence of its own.
_COMMITMENT_LINE_RE = re.compile(r"\n(?=(?:[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*)?|@[\w-]+) (?:will|to|shall|is going to) [a-z])")


def _commitment_lines(text: str) -> list[str]:
    """TEXT cut before each line that opens with a commitment, where the line before does not run
    on into it ("… grabbed from the" / "Arcade-machine to play …" is one sentence)."""
    cuts, depth, read = [], 0, 0
    for m in _COMMITMENT_LINE_RE.finditer(text):
        depth += text.count("(", read, m.start()) - text.count(")", read, m.start())  # not inside "(…"
        read = m.start()
        last = text[max(0, read - 40):read].split()
        if last and last[-1].lower() not in _RUNS_ON and not last[-1].endswith(",") and depth <= 0:
            cuts.append(read)
    return [text[a:b] for a, b in zip([0, *cuts], [*cuts, len(text)])]


def sentences(text: str) -> list[str]:
    if "\n" in text:
        return [part for line in _commitment_lines(text) for part in sentences(" ".join(line.split()))]
    parts = _SENTENCE_END_RE.split(" ".join(text.split()))
    merged: list[str] = []
    for part in parts:
        if merged and (merged[-1].endswith(_ABBREVIATIONS) or _WHEN_ONLY_RE.fullmatch(part)):
            merged[-1] += " " + part
        else:
            merged.append(part)
    return merged


def _label_word(label: str | None) -> str:
    """'**Action Item:** ' -> 'action item', '**TODO** - ' -> 'todo'."""
    written = re.sub(r"^\(([^()]*)\)", r"\1", (label or "").strip())  # "(**Action**) "
    written = re.sub(r"\([^()]*\)", "", written)
    initials = label_initials(written)  # "Action LA/MR:": whose is no part of the word
    written = initials["word"] if initials else written
    written = re.sub(r"\\?[\[\]]", " ", written)  # "[ACTION] ", "\\[todo\\] "
    written = re.sub(r"[*_:\s–—-]+", " ", written).strip().lower()
    return re.sub(r" for .*$| #?\d+(?:\.\d+)*$", "", written)  # "… for the team", "ACTION 62.2"


def _who(words: str, people: Matcher) -> Person | None:
    """The person a sentence's subject names: 'Stefano', 'Joerg Roedel', 'ehuss', 'Then Joerg'
    (read as prose: 'AMD will …' is a company, not Rama AMD)."""
    return people.find_in(words)


_REASON_RE = re.compile(
    r"(?:the\s+)?[\w-]+(?:\s+[\w-]+)?\s+(?:is|are|was|were)\s+(?:still\s+)?"
    r"(?:not\s+(?:yet\s+)?(?:known|decided|set|clear)|unknown)", re.I)
_SUBJECT_RE = re.compile(r"^(?P<who>\S+(?:\s+\S+)?)\s+(?:will|shall|to|is going to|needs to)\s")


@functools.lru_cache(maxsize=64)
def _unknown_reason(text: str) -> str | None:
    """Why a date is not known yet, as TEXT says it ('the venue is not yet decided', 'TBD'); once
    per bullet, however many of its sentences commit someone."""
    m = _UNKNOWN_RE.search(text)
    if not m:
        return None
    clause = _REASON_RE.search(text)
    return clause[0] if clause else m[0]


def _due(sentence: str, bullet: str, next_meeting: dt.date | None) -> Due | None:
    reason = _unknown_reason(sentence) or _unknown_reason(bullet)
    if reason:
        return Due(unknown_reason=reason, recheck=next_meeting)
    if next_meeting and re.search(r"\b(?:by|before|until) the next (?:meeting|call)\b", sentence, re.I):
        return Due(date=next_meeting)
    return None


def _named(who: str, people: Matcher) -> tuple[Person | None, str | None] | None:
    """The owner a subject names: a person, or (for someone the directory does not know) the
    name as written; None where the subject is no one ("It", "Fuzzing")."""
    owner = _who(who, people)
    if owner:
        return owner, None
    first = re.split(r"\s*(?:/|&|,|\band\b|\bor\b)\s*", who)[0].strip()
    if first.split()[0].lower() in _NOT_OWNERS or _SUBJECT_NOT_NAME_RE.match(first.split()[0]):
        return None  # "Email to stakeholders …": a task's verb, not whose it is
    if len(first.split()) == 1 and ((_THING_RE.search(first) and not first.isupper())
                                    or (len(first) > 2 and first.isupper())):
        return None  # "Fuzzing will …", "COCONUT plans to …", "TSC: …": a thing, not a person
    if len(first.split()) > 1 and any(len(w) > 2 and w.isupper() for w in first.split()):
        return None  # "Rebuild JIRA - now that …": no one's name has a word in capitals
    return None, first


# Every pattern _from_sentence tries has one of these (plain `in` on the lowered sentence: ten
# times faster than one case-blind regex, on every sentence of an import).
_COMMITMENT_WORDS = (
    "will", "shall", " to ", "should", "can", "owe", "'ll", "’ll", "sugg", "propos", "recommend",
    "let", "must", "need", "next step", "action here", "volunteer", "kümmert", "erklärt sich",
)
_COMMITMENT_WORDS_RE = re.compile("|".join(map(re.escape, _COMMITMENT_WORDS)))


# "(BF) to organize", "Steve Van Lare (SVL) will respond": a subject with the initials the minutes
# go on to use, or those alone; read as "BF to organize", "Steve Van Lare will respond".
_INITIALS_SUBJECT_RE = re.compile(rf"^\(([A-Z][A-Za-z]{{1,3}})\)(?=\s)|^({_NAME})\s+\([A-Z]{{2,4}}\)(?=\s+(?:will|shall|to)\b)")


def _unknown_list(who: str, people: Matcher) -> bool:
    """'Chrome, Firefox, and Safari': a list of subjects none of whom the meeting knows: nobody's
    task, not its first word's."""
    return "," in who and not _who(who, people)


def _task_words(text: str) -> str:
    """An action item's text as its owner is read from: on one line, the subject's initials
    ('(BF) to organize') read as the name, from its subject on ('`done` 5th Jan 2022 : Dhaval to …')."""
    flat = _plain_subject(" ".join(text.split()))
    return flat[_lead(flat):]


def _plain_subject(text: str) -> str:
    return _INITIALS_SUBJECT_RE.sub(lambda m: m[1] or m[2], text) if text.startswith("(") or " (" in text else text


def _from_sentence(sentence: str, before: list[str], people: Matcher, speaker: str | None = None):
    """(text, owner, owner as written) if SENTENCE commits someone to something."""
    lead = _lead(sentence.strip())
    if lead:  # "Next week Jonathan will present …": read from its subject, kept whole
        hit = _from_subject(sentence.strip()[lead:], before, people, speaker)
        return (sentence.strip().rstrip("."), hit[1], hit[2]) if hit else None
    return _from_subject(sentence, before, people, speaker)


def _from_subject(sentence: str, before: list[str], people: Matcher, speaker: str | None):
    """_from_sentence for a sentence that starts at its subject."""
    if "(" in sentence:
        plain = _plain_subject(sentence.strip())
        if plain != sentence.strip():
            hit = _from_sentence_as_read(plain, before, people, speaker)
            return (sentence.strip().rstrip("."), hit[1], hit[2]) if hit else None
    return _from_sentence_as_read(sentence, before, people, speaker)


# What may come before a task's subject: its status set apart ("`done`"), the day it was noted
# ("5th Jan 2022 :", "2024-01-05 -"), or when it is to happen ("Next week", "Tomorrow,").
_DATE_LEAD_RE = re.compile(  # (no "^": matched where the status before it ends)
    r"(?:\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?[A-Z][a-z]{2,8}\.?,?\s+\d{4}|\d{4}-\d{1,2}-\d{1,2}|"
    r"[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?)\s*[:\-–—]\s+(?=\S)")
_WHEN_LEAD_RE = re.compile(
    r"(?:(?:next|this|later this|by next|before next|for next|by the next|before the next|for the next) "
    r"(?:week|month|time|meeting|call)|tomorrow|later today|afterwards|after the (?:call|meeting)|"
    r"in the meantime|meanwhile|offline)\b,?\s+(?=[A-Z@])", re.I)


# "But I need to …", "So Ann will …": a conjunction before the subject is no part of it.
_CONJUNCTION_LEAD_RE = re.compile(r"(?:But|And|So|Also),?\s+(?=[A-Z@])")


def _lead(text: str) -> int:
    """How much of TEXT comes before its subject (a status, a day, a when, in that order); 0 for none."""
    end = 0
    for pattern in (LEADING_STATUS_RE, _DATE_LEAD_RE, _WHEN_LEAD_RE, _CONJUNCTION_LEAD_RE):
        m = pattern.match(text, end)
        end = m.end() if m else end
    return end


def _from_sentence_as_read(sentence: str, before: list[str], people: Matcher, speaker: str | None = None):
    sentence = sentence.strip().rstrip(".").rstrip()  # ("… with Jackie ...")
    # "**Jorge** will be in charge of …": the name in bold is still the subject.
    sentence = _BOLD_START_RE.sub(r"\g<who>", sentence)
    sentence = _LINKED_START_RE.sub(r"\g<who>", sentence) if sentence.startswith("[") else sentence
    # "**Rob will check this**": a sentence in bold is still one.
    sentence = _ALL_BOLD_SENTENCE_RE.sub(r"\g<words>", sentence)
    m = _RESPONSIBLE_RE.match(sentence) if sentence[:3] in ("DRI", "Own", "Ass") else None
    if m:  # "DRI for unsafety: Andrew"
        return sentence, *(_named(m["who"], people) or (None, None))
    lowered = f" {sentence.lower()} "
    if not _COMMITMENT_WORDS_RE.search(lowered):
        return None  # none of the words any pattern below needs: most sentences of an import
    m = _VOLUNTEER_RE.match(sentence) if "volunteer" in lowered or "taking" in lowered else None
    if m:  # "@lemeurherve volunteers"
        return sentence, *(_named(m["who"], people) or (None, None))
    m = _COMMIT_RE.match(sentence)
    if m:
        who = m["who"]
        if who in ("They", "He", "She"):
            # the nearest sentence before that names someone (a few back: "He" is not pages away)
            named = next((found for said in reversed(before[-3:]) if (found := people.named_in(said))), [])
            if not named:
                return sentence, None, None
            rest = re.sub(r"^[’']ll\b", " will", sentence[len(who):])  # "He'll be …": "Luke Dashjr will be …"
            if who == "They" and len(named) > 1:
                return " and ".join(p.name for p in named[:2]) + rest, named[0], None
            return named[0].name + rest, named[0], None
        if who == "I":
            return (sentence, *(_named(speaker, people) or (None, None))) if speaker else None
        if who == "We":
            # "We agreed to freeze on Friday" is what was decided, nobody's task.
            return None if re.match(r"We (?:agreed|agree|decided) to\b", sentence) else (sentence, None, None)
        if _HAPPENS_RE.match(m["rest"]):
            return None  # "Compiler will error if CSS is used", "CI will fail": what a thing does
        if _unknown_list(who, people):
            return sentence, None, None  # "Chrome, Firefox, and Safari will ship …"
        found = _named(who, people)
        if found:
            return (sentence, *found)
        if len(who.split()) > 1:
            return sentence, None, None
        if _THING_RE.search(who):
            return None  # "Mitigation will take some time": a thing's, no task
        # "Plan is to …": no one's; the group's perhaps (below)
    if _NEEDS_SOMEONE_RE.match(sentence):
        return sentence, None, None  # "Need someone to review the materials": a task, nobody's yet
    m = _SUGGESTS_RE.match(sentence)
    if m:
        return sentence, None, None  # the one who suggests it is not necessarily the one to do it
    m = _TO_DO_RE.match(sentence)
    if m:
        if _unknown_list(m["who"], people):
            return sentence, None, None  # "Docs, Website, and Blog to get a refresh"
        found = _named(m["who"], people)
        if found:
            return (sentence, *found)
        if m["who"].isupper() and len(m["who"]) > 1:
            return sentence, None, None  # "SPI to check their code": a group's, nobody's yet
    m = _NICK_TO_DO_RE.match(sentence)
    if m and m["verb"] not in _NOT_VERBS:
        # "akm to review": a nick the attendance gives, written in lower case; "herb will send …":
        # the first name of someone at the meeting, written so.
        owner = _who(m["who"], people) or _who(m["who"].capitalize(), people)
        if owner:
            return sentence, owner, None
    if _ELIDED_RE.match(sentence):
        found = _named(speaker, people) if speaker else None
        return (sentence, *(found or (None, None)))
    if _FLOW_RE.match(sentence):
        return None  # "Let's start with the release": the meeting's own course
    m = _DONE_BY_RE.search(sentence) if " by " in lowered else None  # "Will be done by Darko and Tommy by Thursday"
    found = _named(m["who"], people) if m else None
    if found:
        return (sentence, *found)
    if _OURS_RE.match(sentence) or _PASSIVE_RE.search(sentence) or _TO_BE_DONE_RE.match(sentence):
        return sentence, None, None
    return _from_clause(sentence, before, people, speaker)


# Whose a piece of work is, said as their role in it: "DRI for unsafety: Andrew", "Owner: @ann".
_RESPONSIBLE_RE = re.compile(rf"^(?:DRI|Owner|Assignee)(?: for [^:]{{1,60}})?:\s*(?P<who>{_WHO})$")
# ... or in the passive, with who does it after "by" (not when: "by Thursday", "by the end of Q3").
_DONE_BY_RE = re.compile(
    r"\b(?i:will|shall|is going to|are going to|to|should)\s+be\s+(?:[a-z]+ed|done|written|taken|made|built|sent|"
    r"set up|taken care of)\s+by\s+(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|January\b|February\b|"
    r"March\b|April\b|June\b|July\b|August\b|September\b|October\b|November\b|December\b|Q[1-4]\b|EO[DWM]\b)"
    rf"(?P<who>{_WHO})")


# "Proceeding due in October, Christoph will write a draft", "…, he'll send it": a commitment
# in a sentence's last clause, by a person, never the group's.
# (and "… mentioned that she'll post …": someone's commitment, reported)
_CLAUSE_RE = re.compile(r"(?:,|;|\s[-–—]|:)\s+[\"“]?(?=\S)|(?:(?<=mentioned)|(?<=said)|(?<=says)|(?<=noted)|"
                        r"(?<=announced)|(?<=confirmed)|(?<=promised)|(?<=heads up)|(?<=and))\sthat\s+(?=(?:I|he|she)(?:\s|[’']))")


# "…, Christoph will write it", "*Dylan* - Rawld has offered to help", "…, next week I'm going to
# focus on this": a commitment after a clause, where its subject opens it.
_CLAUSE_COMMIT_RE = re.compile(
    rf"(?:{_WHO}|{_PRONOUN})(?:\s+(?:will|is going to|am going to|(?:has|have) (?:offered|volunteered) to|"
    rf"(?:is |am )?planning to)\b|[’'](?:ll|m going to|s going to)\b)")
_FIRST_PERSON_RE = re.compile(r"\bI(?:\b|[’'])")
_CONJUNCTION_RE = re.compile(r"^(?:but|and|so|then)\s+(?=\S)")
_NEED_TO_RE = re.compile(r"[Nn]eeds? to (?!be\b|know\b)[a-z]")
# ... after a topic of a few words, or code ("Java8 emulation patches - need to get these in"), not
# after a speaker's name ("nisse: need to finish", "Vincent - need to account for …").
_TOPIC_LEAD_RE = re.compile(r"`[^`]+`|(?!.*\b(?:says|said|wrote|asked|mentioned)$)\S+(?:\s+\S+){1,3}")


def _from_clause(sentence: str, before: list[str], people: Matcher, speaker: str | None):
    clauses = _CLAUSE_RE.split(sentence)
    for index in range(len(clauses) - 1, 0, -1):
        clause = _plain_subject(clauses[index])  # "…, (NV) will work with them"
        clause = _CONJUNCTION_RE.sub("", clause)
        clause = clause[_lead(clause):]  # "…, but next week I'm going to focus on this"
        if re.match(r"(?:he|she|they|i)\b", clause):
            clause = clause[0].upper() + clause[1:]
        # Someone nobody knows only with a firm "will" ("…, Christoph will write it"), not
        # "Justin - Registry should have …".
        if _ELIDED_RE.match(clause) and clause.startswith(("will ", "Will ")):
            # "Node SWG has volunteered - will post a draft": the speaker's, where one speaks
            found = _named(speaker, people) if speaker else None
            return (sentence, *(found or (None, None)))
        if index == 1 and _NEED_TO_RE.match(clause) and _TOPIC_LEAD_RE.fullmatch(clauses[0]) \
                and not looks_like_name(clauses[0]):
            return sentence, None, None  # "`SolveChemostat`: Need to do agent growth": a topic's task
        committed = _CLAUSE_COMMIT_RE.match(clause)
        if not (committed or _TO_DO_RE.match(clause)) or clause.startswith("We"):
            continue
        hit = _from_sentence(clause, [*before, *clauses[:index]], people, speaker)
        # "…, Christoph will write it" names someone; "… - Possible to reuse …" names nobody known
        if hit and (hit[1] or hit[2] and committed):
            return sentence, hit[1], hit[2]
    return None


def action_owner(text: str, people: Matcher) -> Person | None:
    """Who an action item's text gives it to: its subject ("ehuss will …", known or not), else
    the person it names ("Roy and Joerg Roedel review …": the full name first)."""
    flat = _task_words(text)
    handle = _HANDLE_FIRST_RE.match(flat) or _BRACKETS_FIRST_RE.match(flat)  # "@patrick91 Add …"
    if handle:
        return _who(handle["who"], people)
    subject = _SUBJECT_RE.match(flat)
    found = _who(subject["who"], people) if subject else None
    if found or subject and not _SUBJECT_NOT_NAME_RE.match(subject["who"]):
        return found
    after = _written_after(flat)  # "Reach out to the maintainers - Tracy": no subject, its owner after
    found = _who(after, people) if after else None
    # Someone named as the object is not whose it is: "(like … as suggested by Herbert)".
    return found or people.find_in(_OBJECT_RE.sub(" ", text))


_OBJECT_RE = re.compile(
    r"\b(?:(?:suggested|proposed|raised|requested|reported|mentioned|presented) by|(?:reach out|talk|speak|reply|"
    r"write|report|forward|refer|point|explain|present|listen|send it|send them) to|with|from|about|cc|ping|"
    r"contact|ask|asked|tell|thank|thanks|like|per|(?i:advise|assist|help|remind|invite|notify|inform|e-?mail))\s+"
    rf"{_WHO}(?:,\s*{_ONE})*")


# What a thing does, not a task anyone takes on: "Compiler will error if …", "CI will fail".
_HAPPENS_RE = re.compile(r"(?:error|fail|crash|break|happen|expire|time out|stop working)\b")
_INITIALS_RE = re.compile(r"[A-Z]{2,4}(?:\s*/\s*[A-Z]{2,4})*")
# A subject that is a task's verb, not a name: "Reach out to …", "Get back to …", "Talk to …".
_SUBJECT_NOT_NAME_RE = re.compile(
    r"^(?:[A-Z][a-z]+\s+(?:out|back|up|over|down|through)|Talk|Speak|Write|Reply|Respond|Go|Move|Switch|"
    r"Send|Return|Listen|Get|Add|Invite|Reach|Refer|Point|Propose|Suggest|Report|Submit|Forward|E-?mail|Mail|"
    r"Present|Explain|Commit|Contribute|Migrate|Upgrade|Apply|Link|Post|Push|Compare)$")


# "… (KL) -> [[igsn:namespaces]]": where the work is, pointed to after it.
_POINTER_RE = re.compile(r"\s(?:->|→|=>)\s*\S+$")  # (after a space: a run of arrows is tried once)


def _written_after(flat: str) -> str | None:
    flat = _POINTER_RE.sub("", flat) if ">" in flat or "→" in flat else flat
    m = _AFTER_RE.search(without_status(flat))  # "… - Tracy - **[completed](…)**"
    return (m["who"] or m["dashed"] or m["bracketed"]) if m else None


# A task list's "Jon ask about shipping", "Rick send modules to Jon": a first name, then the
# task's verb in its plain form (a task's verb first, "Update docs", names no one; nor does a
# noun that is also a verb, "User test 2 recruitment").
_NAME_VERB_RE = re.compile(
    r"^(?P<who>[A-Z][a-z'’-]+) (?=(?:ask|send|write|contact|investigate|prepare|reach|talk|coordinate|finish|confirm|"
    r"find|make|try|follow|organi[sz]e|circulate|submit|publish|ping|help|clean|reply|respond|sync|get|invite|"
    r"propose|summari[sz]e|create|add) )")


def _action_owner_text(text: str, people: Matcher) -> str | None:
    """An action item's owner as written, where the directory knows nobody by that name:
    "Mike to provide …", "@kjin to produce …", "Joe - squash & merge"."""
    flat = _task_words(text)
    m = (_TO_DO_RE.match(flat) or _DASHED_RE.match(flat) or _COMMIT_RE.match(flat)
         or _HANDLE_FIRST_RE.match(flat) or _BRACKETS_FIRST_RE.match(flat))
    who = m["who"] if m else _written_after(flat)
    if not who and (m := _NAME_VERB_RE.match(flat)):
        who = m["who"]  # last: "Jon ask about shipping"
    found = _named(who, people) if who and who not in _PRONOUNS else None
    if not found and not m and who and _INITIALS_RE.fullmatch(who) and who.lower() not in _NOT_OWNERS:
        return re.split(r"\s*/\s*", who)[0]  # "… codebase [ACB]": someone's initials, not a body's name
    return found[1] if found else None


def owner_of(text: str, kind: str, people: Matcher) -> Person | None:
    """Who a follow-up's text makes its owner, as it was first read: asked again when someone
    is ticked present (store/followups.py rematch_owners)."""
    if kind == "action":
        return action_owner(text, people)
    hit = _from_sentence(text, [], people)
    return hit[1] if hit else None


def _action_status(label: str | None, text: str = "") -> str:
    """'[x] ' done, '[ ] ' and 'Action Item:' open, a bullet under an 'Action items' heading
    (no label) open, '(done)' or '(todo)' after it as written; 'Next Steps:' and the like only
    suggest."""
    if label and label.startswith("["):
        return "done" if label[1] in "xX" else "open"
    if re.fullmatch(r"~~[^~]+~~\W*", text.strip()):
        return "done"  # "~~email to Hackathon group~~": struck through when it was done
    written = written_status(text)
    if written:
        return written
    return "open" if not label or _label_word(label) in _OPEN_LABELS else "suggested"


# Lines of an agenda template, not commitments: "Please help take notes", "_Submit a PR …_".
# A template's instruction to whoever fills it in ("Any material to read before the meeting
# should be included here"), not a task of the meeting.
_TEMPLATE_RE = re.compile(
    r"^(?:please\b|_[^_]+_$|\*[^*]+\*$|<!--)|\b(?:should|can|may|to) be (?:added|included|listed|put|placed|"
    r"written|linked) here\b", re.I)


# A raw block that is still prose: a bullet whose lines do not line up ("lazy" continuation
# lines), not a table, code or HTML.
_MARKER_RE = re.compile(r"^\s*(?:[-*+]|\d{1,9}[.)])\s+", re.M)
_NOT_PROSE_RE = re.compile(r"^\s*(?:\||```|~~~|<|    \S)", re.M)


def _prose(item: Item) -> str | None:
    if item.kind != "raw":
        return item.text
    if _NOT_PROSE_RE.search(item.text) or not _MARKER_RE.match(item.text):
        return None
    return _MARKER_RE.sub("", item.text)


def suggest_item(item: Item, people: Matcher, next_meeting: dt.date | None,
                 html_head: str = "", voice: str | None = None, over: str = "") -> list[Suggestion]:
    """What ITEM suggests; HTML_HEAD, for a row of an HTML table, is the table's opening rows;
    VOICE, whose words the bullet is (the person the bullet over it names); OVER, the bullet over
    it, whom its 'He will …' may mean."""
    if item.kind == "raw" and item.text.lstrip().startswith("|"):
        rows = action_rows(item.text)
        return _from_table(item, rows, people, next_meeting) if rows else _from_cells(item, people, next_meeting)
    if item.kind == "raw" and item.text.lstrip().startswith("<"):
        return _from_html(item, people, next_meeting, html_head)
    # Questions, links (a table of contents) and template lines commit nobody to anything.
    prose = _prose(item)
    if item.kind in ("question", "link") or not prose or not prose.strip():
        return []
    if _TEMPLATE_RE.search(prose.strip()):
        return []
    if item.kind == "action":  # labelled: "Action Item:" is a follow-up, "Next Steps:" may be one
        text = " ".join(without_closing(item.label, item.text).split()).rstrip(".")
        text = (task_after_inner_label(text) if not item.label else None) or text  # "… *Next Action:* ED will …"
        if text.endswith(":") and item.children and _label_word(item.label) in _OPEN_LABELS:
            return []  # "Action items (for Ann): we agreed on these:" heads its tasks
        owner = action_owner(text, people)
        owner_text = None if owner else _action_owner_text(text, people)
        talking = speaker(item.label)  # "Stephen: switch master to main" under "Action items"
        said = _said_by(text) if not item.label else None
        if said and _named(said[1], people):
            # "Kris Freedain: reach out to [Orcun Berkem](…)" under "Action Items": Kris's
            talking, owner, owner_text = said[1], None, None
        whose = _label_owner(item.label, people)
        if whose:  # "**[Action for Jan]** Ericsson will provide …": the label says whose
            owner, owner_text = whose
        who_speaks = talking or voice  # the bullet over it names whose words these are, last
        spoken = _named(who_speaks, people) if who_speaks and not owner else None
        if spoken and not spoken[0] and _PRODUCT_WORD_RE.search(who_speaks):
            spoken = None  # "DIDComm Message: Body deep dive …": a topic's label, not a person
        if spoken and (spoken[0] or not owner_text):
            owner, owner_text = spoken  # "CM: Email to …": Chris Mutel's, a known speaker over a guess
        status = _action_status(None if talking else item.label, text)
        return [Suggestion(item, text, owner, _due(text, text, next_meeting), status, owner_text)]
    found = []
    parts = [p for line in prose.split("\n") for p in sentences(line)] if item.kind == "raw" \
        else sentences(prose)
    if " and " in prose:
        parts = [piece for part in parts for piece in _two_commitments(part, people)]
    if _DASH_RE.search(prose):
        parts = [piece for part in parts for piece in _after_a_dash(part, people)]
    talking = speaker(item.label)
    dashed = _DASH_SPEAKER_RE.match(prose.lstrip())
    own_speaker = bool(talking or dashed)  # "Ann: He will fix it": not Ann, whoever the bullet over names
    if not talking and dashed:  # "Daira - We removed that, I'll check it", "**Teor** [20:50] - …"
        talking = dashed["who"]
    said = _said_by(parts[0]) if not talking and parts and ":" in parts[0][:40] else None
    if said and _ELIDED_RE.match(parts[0][len(said[0]):]):
        # "Colin: Will file bugs against documentation.": Colin's, said without its subject
        talking, parts[0] = said[1], parts[0][len(said[0]):]
    elif said and (_FIRST_PERSON_RE.search(parts[0], len(said[0]))
                   or _who(said[1], people) and any(map(_FIRST_PERSON_RE.search, parts[1:]))):
        talking = said[1]  # "Amit: I am going to try to fix …", "Leon: …, but I'll …": in their own words
    tag = _BRACKETS_FIRST_RE.match(parts[0]) if not talking and parts and "[" in parts[0][:3] else None
    if tag and _ELIDED_RE.match(parts[0][tag.end():]):
        # "[Mike] will discuss issues …": Mike's where Mike is someone known ("[Kubernetes] will drop
        # …" is a topic's: a task still, nobody's)
        talking = tag["who"] if _who(tag["who"], people) else None
        parts[0] = parts[0][tag.end():]
    talking = talking or voice  # the bullet over it names whose words these are, last
    found.extend(_from_sentences(item, parts, prose, people, talking, next_meeting,
                                 (over, None if own_speaker else voice)))
    # "[name=Mridul] Submit the applications", "[Matt W] Ask …": whose it is, in brackets first.
    tag = _BRACKETS_FIRST_RE.match(parts[0]) if len(parts) == 1 else None
    order = parts[0][tag.end():] if tag else parts[0] if parts else ""
    if not found and item.kind == "note" and len(parts) == 1 and item.marker != "" \
            and (_IMPERATIVE_RE.match(order) or tag and "[name=" in parts[0][:8] and _VERB_FIRST_RE.match(order)) \
            and len(order.split()) <= 20 \
            and not order.rstrip().endswith(("?", ":")):
        # "* Invite people from `xrft` to next meeting": a bullet that is one task, nobody's yet, or
        # the one's the bullet over it names ("- [Abdelrahman](…)" over "- Test the transformer").
        whose = tag["who"] if tag else None if speaker(item.label) else voice  # "Bob: Test the API" is no one's yet
        owner, owner_text = (_named(whose, people) or (None, None)) if whose else (None, None)
        found.append(Suggestion(item, parts[0].rstrip("."), owner, _due(parts[0], prose, next_meeting),
                                "suggested", owner_text))
    if not found:  # "working sessions (@mike-kaufman to drive)", "~~Bjorn (Filipe will invite)~~"
        for aside in _ASIDE_RE.findall(prose):
            for part in comma_parts(aside):
                hit = _from_sentence(part, [], people) if _COMMIT_RE.match(part) or _TO_DO_RE.match(part) \
                    or _NICK_TO_DO_RE.match(part) else None
                volunteer = _VOLUNTEER_RE.match(part)  # "(Matt W volunteering)"
                if volunteer and not hit:
                    hit = (None, *(_named(volunteer["who"], people) or (None, None)))
                if hit and (hit[1] or hit[2]):
                    found.append(Suggestion(item, " ".join(prose.split()).rstrip("."), hit[1], None,
                                            "suggested", hit[2]))
                    return found
    return found


def _meant_above(over: str, voice: str | None, people: Matcher) -> Person | None:
    """Whom 'He' in a bullet may mean, from the bullet OVER it: the one whose report it is (VOICE:
    'Garrett showed Rachel the rebar'), else the one person it names ('Ann asked Bob …' names two)."""
    if not over:
        return None
    found = _named(voice, people) if voice else None
    if found and found[0]:
        return found[0]
    named = people.named_in(over)
    return named[0] if len(named) == 1 else None


def _from_sentences(item: Item, parts: list[str], prose: str, people: Matcher, speaker: str | None,
                    next_meeting: dt.date | None, above: tuple[str, str | None] = ("", None)) -> list[Suggestion]:
    """What the sentences PARTS of ITEM's PROSE commit someone to, SPEAKER's words where they say 'I';
    ABOVE, the bullet over it and its voice, for whom its 'He will …' means where its own sentences
    name nobody (_meant_above)."""
    found = []
    for index, sentence in enumerate(parts):
        if sentence.rstrip().endswith("?"):  # discussion: "Should we drop Python 2?"
            continue
        hit = _from_sentence(sentence, parts[:index], people, speaker)
        if above[0] and hit and not (hit[1] or hit[2]) and re.match(r"(?:He|She|They)\b", sentence):
            meant = _meant_above(*above, people)  # the sentence kept as written: it stands under that bullet
            hit = (hit[0], meant, None) if meant else hit
        if hit:
            text, owner, owner_text = hit
            found.append(Suggestion(item, text, owner, _due(sentence, prose, next_meeting), "suggested", owner_text))
    return found


def _said_by(text: str) -> tuple[str, str] | None:
    """'Kris Freedain: reach out to …': (the speaker's label as written, their name), where the
    label is a name ('Plan: …' is no one)."""
    said = split_speaker(text)
    return (said[0], said[1]) if said and looks_like_name(said[1]) else None


# A bullet that is an order, as a task list writes it (not an agenda's "Review …", "Discuss …").
_IMPERATIVE_RE = re.compile(
    r"^(?:Invite|Open an? (?:issue|PR|pull request|ticket|discussion)|Set up|Send|Schedule|Create|Write up|"
    r"E-?mail|Contact|Reach out|Follow[- ]up|Ping|File an?|Submit|Post|Share|Prepare|Draft|Organi[sz]e|"
    r"Investigate|Look into|Find out|Publish|Announce|Coordinate with|Book|Register|Notify|Remind|Collect|"
    r"Circulate|Ask|Test|Finali[sz]e|Verify|Confirm|Make sure|Ensure|Remember to|Make (?:a|an|new)(?= ))\b")


# After a HackMD name tag ("[name=Mridul] Respond to #5326"), the verbs of an order besides those
# of _IMPERATIVE_RE: the tag says whose.
_VERB_FIRST_RE = re.compile(
    r"(?:Respond|Reply|Remove|Add|Update|Fix|Review|Write|Check|Look|Follow|Draft|Create|Open|Close|Merge|Move|"
    r"Talk|Reach|Document|Clean|Finish|Start|Set|Try|Run|Make|Find|Get|Help|Implement|Migrate|Rename|Release|"
    r"Prepare|Investigate|Write up|Put|Go through|Think about|Figure out)\b(?! (?:is|are|was|were|has|have)\b)")
# "Alden will update the list and Eirini will help to check it": a commitment each.
_AND_WHO_RE = re.compile(rf",?\s+and\s+(?=(?:{_ONE})\s+(?:will|shall|to)\s)")


def _two_commitments(sentence: str, people: Matcher) -> list[str]:
    tail = sentence[sentence.find(" and "):] if " and " in sentence else ""
    pieces = _AND_WHO_RE.split(sentence, maxsplit=1) if " will " in tail or " to " in tail else [sentence]
    if len(pieces) == 2 and (_COMMIT_RE.match(pieces[0]) or _TO_DO_RE.match(pieces[0])):
        second = _COMMIT_RE.match(pieces[1]) or _TO_DO_RE.match(pieces[1])
        if second and _named(second["who"], people):  # "… codebase and OVMF to implement it": a thing
            return pieces
    return [sentence]


_DASH_RE = re.compile(r"\s[-–—]\s+")


def _after_a_dash(sentence: str, people: Matcher) -> list[str]:
    """'… thread.html - Dan to follow up with Jackie': someone's commitment after a dash, where the
    meeting knows them ('… Rust - Possible to reuse …' names no one)."""
    for dash in _DASH_RE.finditer(sentence):
        head, after = sentence[:dash.start()], sentence[dash.end():]
        if len(head.split()) < 3 or people.named_in(head):
            continue  # "Jean - Pierre will …", "Ann Lee - Bob Smith - Dan to meet": names, not a topic
        m = _TO_DO_RE.match(after) or _COMMIT_RE.match(after)
        if m and m["who"] not in _PRONOUNS and _who(m["who"], people):
            more = _DASH_RE.search(after)  # "… - Ann to review - and then agreed": to the next dash
            return [head, after[:more.start()] if more else after]
    return [sentence]


_CELL_ASIDE_RE = re.compile(r"^(?P<outer>[^()]+?)\s*\((?P<inner>[^()]+)\)$")


def _person_in_cell(cell: str, people: Matcher) -> str:
    """Who an owner cell names: 'Joey Thomas (TNRIS)' is Joey Thomas, of TNRIS; 'Juno (Rodrigo)'
    and 'Kasar Labs (Charlotte/Nathan)' are a team and, in brackets, the person (the first)."""
    m = _CELL_ASIDE_RE.match(cell.strip())
    if not m:
        return cell.strip()
    outer, inner = m["outer"].strip(), re.split(r"\s*(?:/|,|&|\band\b)\s*", m["inner"].strip())[0]
    if looks_like_name(inner) and not inner.isupper() and not _who(outer, people) \
            and (len(outer.split()) == 1 or is_org(outer) or _who(inner, people)):
        return inner
    return outer


def _from_table(item: Item, rows, people: Matcher, next_meeting: dt.date | None) -> list[Suggestion]:
    """A table of action items: each row a task, open or done, its owner from its column (the
    first where it names several: "Richard Wade, Felicia Retiz")."""
    found = []
    for row in rows:
        first = comma_parts(row.owner)[0] if row.owner else None
        first = _person_in_cell(first, people) if first else None
        owner, owner_text = (_named(first, people) or (None, None)) if first else (None, None)
        if not (owner or owner_text):
            owner = action_owner(row.text, people)
        found.append(Suggestion(item, row.text, owner, _due(row.text, row.text, next_meeting),
                                "done" if row.done else "open", owner_text))
    return found


def _from_cells(item: Item, people: Matcher, next_meeting: dt.date | None) -> list[Suggestion]:
    """A table of the discussion ('| Item | Who | Notes |'): what its notes commit someone to,
    read as sentences ('… Markus will ask LFE members about this.'), the row's 'Who' the speaker."""
    found = []
    rows = table_rows(item.text)
    header = [cell.casefold() for cell in rows[0]] if rows else []
    who = next((n for n, cell in enumerate(header) if cell in ("who", "owner", "presenter", "speaker")), None)
    # The notes of a table of who said what (not a changelog's "| Version | Notes |")
    notes = [n for n, cell in enumerate(header) if is_notes_header(cell)] if who is not None else []
    for cells in rows[2:]:
        speaker = cells[who] if who is not None and who < len(cells) and cells[who] else None
        for n in notes:
            cell = cells[n] if n < len(cells) else ""
            found.extend(_from_sentences(item, sentences(cell), cell, people, speaker, next_meeting))
    return found


def _from_html(item: Item, people: Matcher, next_meeting: dt.date | None, head: str) -> list[Suggestion]:
    """An HTML block (a GitBook table of minutes): each paragraph, list item or cell read as a
    bullet would be ('ACTION: …', 'Ann will …'); a cell under an 'Actions' header is a task."""
    from dataclasses import replace

    from .formats.labels import kind_of_text, split_label
    from .html_units import html_rows, html_units

    table = html_rows(item.text, head)
    rows = rows_of(table[0], table[1:]) if len(table) > 1 else []
    if rows:  # "<td>Owner</td><td>Description</td>": a table of tasks, a row each
        return _from_table(item, rows, people, next_meeting)
    found = []
    for unit in html_units(item.text, head):
        if unit.text.endswith(":"):
            continue  # "Relates to deepmreye:": what the next paragraph is about
        label, kind, text = split_label(unit.text)
        kind = kind or kind_of_text(text)
        if unit.in_action_column and kind == "note":
            kind = "action"
        read = Item(text=text, kind=kind, label=label, marker="")
        found.extend(replace(s, item=item) for s in suggest_item(read, people, next_meeting))
    return found


# A word no name is written as: capitals run into small letters ("DIDComm", "JSONSchema"; not
# "McDonald").
_PRODUCT_WORD_RE = re.compile(r"\b[A-Z]{2,}[a-z]")
# Whose the label says: "Action item (for Jürgen): …", "**[Action for Jan]** …".
_FOR_LABEL_RE = re.compile(rf"(?:\(|\[\w+(?: \w+)? )for (?P<who>{_WHO})[)\]]")


def _label_owner(label: str | None, people: Matcher) -> tuple[Person | None, str | None] | None:
    initials = label_initials(label)  # "Action LA/MR: ": LA's
    if initials:
        first = re.split(r" ?[/&+,] ?", initials["whose"])[0]
        return _named(first, people) or (None, first)
    m = _FOR_LABEL_RE.search(label) if label else None
    return _named(m["who"], people) if m else None


_ASIDE_RE = re.compile(r"\(([^()]{6,120})\)")
_VOLUNTEER_RE = re.compile(rf"^(?P<who>{_WHO})\s+(?:volunteer(?:s|ed|ing)|(?:is |will be )?taking (?:it|this)(?: on)?)\W*$")
_DASH_SPEAKER_RE = re.compile(
    r"^(?:\*\*)?(?P<who>[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*)?)(?:\*\*)?(?:\s*\[?\d{1,2}:\d{2}\]?)?\s*[-–—]\s+")  # ("Benjie- it was …")


# "###Rob:": a heading in all but the space after its marks, over Rob's tasks.
_HASHED_NAME_RE = re.compile(r"#{1,6}(?P<words>[^#\s][^#:\n]*?):?")


def _names_its_tasks(item: Item) -> str | None:
    """'***Erik***' (or '###Erik:') on a line of its own, over the bullets that are his tasks (bold
    of two marks or three; a name, not a group's label such as '***Other Attendees***'): Erik."""
    if item.marker != "" or item.label:
        return None
    m = BOLD_LINE_RE.fullmatch(item.text)
    m = m if m and len(m["e"]) > 1 else _HASHED_NAME_RE.fullmatch(item.text)
    ok = bool(m and ":" not in m["words"] and 2 <= len(m["words"]) <= 40
              and looks_like_name(m["words"]) and not names_people(m["words"])
              and not any(len(w) > 1 and w.isupper() for w in m["words"].split()))  # "**Elastic IP Manager**"
    return m["words"] if ok else None


def _head_owner(item: Item, people: Matcher) -> Person | None:
    """The person a bullet that only heads the tasks under it names ('* Erik' over his tasks):
    someone the directory or the meeting knows, not any capitalised word ('* Roadmap')."""
    if item.kind != "note" or not item.children or not heads_a_list(item.text):
        return None
    return _who(clean(item.text).rstrip(":"), people)


# A bullet that only names someone: "[@leebyron](https://…)", "@wincent", "**Ann Lee**:".
_PERSON_ONLY_RE = re.compile(
    r"(?:\*\*|__)?\[?(?P<who>@[\w-]+|[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,2})\]?(?:\([^()\s]*\))?(?:\*\*|__)?:?")


# ... a link that is someone's name as the meeting writes it, in any case.
_LINKED_ONLY_RE = re.compile(r"\[(?P<who>[^\[\]]{2,60})\]\([^()\s]*\)")
# "Georgi suggested doing a test release" over "- Going to work with Roger on that": Georgi's.
_REPORTED_RE = re.compile(
    rf"^(?P<who>{_NAME})\s+(?:suggested|proposed|provided|gave|presented|shared|mentioned|raised|reported|"
    r"offered|explained|noted|brought up|demoed|did|ran|led|showed|talked about)\b")


def _voice(item: Item, people: Matcher) -> str | None:
    """Whose words the bullets under ITEM are, where ITEM only names them (a handle, or someone
    the directory or the meeting knows: '* Roadmap' over bullets is a topic), or reports what
    someone the meeting knows said or did."""
    if not item.children or item.label or item.kind == "raw":
        return None
    m = _PERSON_ONLY_RE.fullmatch(item.text.strip())
    if m and (m["who"].startswith("@") or _who(m["who"], people)):
        return m["who"]
    m = _LINKED_ONLY_RE.fullmatch(item.text.strip())  # "[Abdelrahman jamal](https://github.com/…)"
    person = _who(m["who"], people) if m else None
    # ... the link's words being the name, not a page that names someone ("[PR #12 by Bob](…)")
    if person and m["who"].strip().casefold() in {n.casefold() for n in (person.name, *person.aliases)}:
        return m["who"]
    m = _REPORTED_RE.match(item.text)
    return m["who"] if m and _who(m["who"], people) else None


def suggest(doc: Document, people: Matcher, next_meeting: dt.date | None = None) -> list[Suggestion]:
    """Every follow-up the meeting's bullets suggest, in document order."""
    found = []
    head = ""  # an HTML table's opening row (its column headers), for the rows after it
    kinds = HeadingKinds()
    on_roll = Roll(doc.attendees) if doc.attendees else None
    gathered = [kinds.push(section.level, section.text, title=section.kind == "title",
                           person=heads_someones_tasks(section.text, on_roll))
                for section in doc.sections]
    parts = [(doc.preamble, None, (None, ""), "")] + list(zip(
        (section.items for section in doc.sections), _plans_of(doc, people, gathered), gathered,
        (section.text for section in doc.sections)))
    for items, section_whose, (kind, heading), own in parts:
        whose = section_whose
        tasks = kind == "action"  # "## Action items", and "### Rob" under it
        # "Completed Action Items", "## Actions" over "### Closed": done tasks
        done = tasks and (says_done(heading) or says_done(own))
        sure = True
        for item in items:
            named = _names_its_tasks(item)
            if named:
                whose = named  # "***Erik***" over his tasks
                # "**Scam Signal**" over notes: a topic, where the roll call names no such person;
                # over tasks the minutes gather, one word is someone not on it ("###Rob:").
                sure = on_roll is None or on_roll.names(whose)
                continue
            if item.marker == "" and not item.label and _HASHED_NAME_RE.fullmatch(item.text):
                whose, sure = section_whose, True  # "###Release:" after "###Rob:": Rob's tasks end
            over = _head_owner(item, people) if tasks else None  # "* Erik" over his tasks
            for_whom = {id(child): who for i in item.walk() if (who := tasks_for(i.label, i.text))
                        for child in i.children}  # "**Action Items** (Kris)" over Kris's tasks
            voices = {id(child): who for i in item.walk() if (who := _voice(i, people))
                      for child in i.children}  # "- [@leebyron](…)" over what he said
            above = {id(child): i.text for i in item.walk() if i.kind != "raw" for child in i.children}
            for i in item.walk():
                start = i.text.lstrip()[:6].lower() if i.kind == "raw" else ""
                row = start.startswith("<tr")
                quoted = _quoted_tasks(i, people, whose) if tasks and start.startswith(">") else []
                for s in quoted or suggest_item(i, people, next_meeting, head if row else "", voices.get(id(i)),
                                                      above.get(id(i), "")):
                    if over and not (s.owner or s.owner_text):
                        s.owner, s.owner_text = over, None
                    if id(i) in for_whom and not (s.owner or s.owner_text):
                        s.owner, s.owner_text = _named(for_whom[id(i)], people) or (None, None)
                    if whose and not (s.owner or s.owner_text) and (
                            sure or i.kind == "action" and len(whose.split()) == 1):
                        s.owner, s.owner_text = _named(whose, people) or (None, None)
                    if done and s.status == "open" and not (i.label or "").startswith("[ ]"):
                        s.status = "done"
                    if s.due is None:  # "Ann to send the draft by June 12"
                        day = due_in_text(s.text, doc.date) if doc.date != dt.date.min else None
                        s.due = Due(date=day) if day else None
                    found.append(s)
                if start.startswith("<table"):
                    head = i.text
                elif row and "<th" in i.text.lower():  # the header row, after "<table><thead>"
                    head += "\n" + i.text
    return found


# "> * re-purpose the repo": a bullet of a quoted list (HackMD's "> ***Continuation***"), its
# marker the least indented of the quote's.
_QUOTED_BULLET_RE = re.compile(r"^\s*>\s?(?P<pad>\s*)(?:[-*+]|\d{1,9}[.)])\s+(?P<task>\S.*)$")


def _quoted_tasks(item: Item, people: Matcher, whose: str | None) -> list[Suggestion]:
    """The tasks of a quoted list under an 'Action items' heading (the quote kept as written, a
    raw block): each top bullet open, or done where struck through; its owner from its words,
    else the name over it."""
    lines = item.text.split("\n")
    if not all(line.lstrip().startswith(">") for line in lines):
        return []
    bullets = [m for m in map(_QUOTED_BULLET_RE.match, lines) if m]
    top = min((len(m["pad"]) for m in bullets), default=0)
    found = []
    for m in bullets:
        if len(m["pad"]) != top:
            continue  # a detail under a task
        text = " ".join(m["task"].split()).rstrip(".")
        owner = action_owner(text, people)
        owner_text = None if owner else _action_owner_text(text, people)
        if not (owner or owner_text) and whose:
            owner, owner_text = _named(whose, people) or (None, None)
        found.append(Suggestion(item, text, owner, None, _action_status(None, text), owner_text))
    return found


def _plans_of(doc: Document, people: Matcher, gathered: list[tuple[str | None, str]]) -> list[str | None]:
    """For each section, whose plans it lists: a stand-up's '### Chris Holdgraf' over its
    '#### What I'm up to next' (a person the directory knows, or a name over first-person plans),
    a section headed by someone the meeting knows ('### Dennis' over 'Will try …'), and a name
    under 'Action items' ('### Rob' over his tasks: on the roll call, or the minutes have none)."""
    whose: list[str | None] = []
    person: tuple[str, int] | None = None
    for section, (kind, says) in zip(doc.sections, gathered):
        text = clean(section.text).rstrip(":").strip()
        if person and section.level <= person[1]:
            person = None
        if kind == "action" and says != section.text and looks_like_name(text) and len(text.split()) <= 3:
            whose.append(text)  # (HeadingKinds: a name on the roll call, where there is one)
            continue
        own = False
        if section.kind == "topic" and looks_like_name(text) and len(text.split()) <= 3:
            match = people.match(text).person  # by a name ("### Dennis"), not a chat name ("### Infra")
            own = match is not None and set(text.casefold().split()) <= set(match.name.casefold().split())
            if own or len(text.split()) >= 2:
                person = (text, section.level)
        plans = person is not None and kind_of_heading(section.text, heading=True) == "action"
        known = plans and people.match(person[0]).person is not None
        whose.append(text if own else person[0] if person and plans and (known or says_own_plans(section.text))
                     else None)
    return whose
