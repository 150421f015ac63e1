"""Inline labels ("Action Item:", "**Decision:**", "Next Steps:") and the item kinds they mean."""

from __future__ import annotations

import re

from . import languages

_WORDS = {
    "action": (
        "action item", "action items", "action", "actions", "ai", "ais", "todo", "to do", "to-do",
        "follow-up", "follow up", "followup", "follow-ups", "next step", "next steps", "task",
        "tasks", "next action", "next actions", "action point", "action points", *languages.ACTION_LABELS,
    ),
    "decision": (
        "decision", "decisions", "decided", "agreed", "agreement", "resolution", "resolved",
        "conclusion", "outcome", "consensus", "verdict", "decisions made", "resolutions", "vote",
        "voted", "motion", "outcomes", "conclusions", "takeaways", "key takeaways",
        "key decisions", "votes", "voting", "vote results", "voting results", "result",
        "agreements", "agreed items", *languages.DECISION_LABELS,
    ),
    "info": ("info", "fyi", "announcement", "announcements", "note", "notes"),
    "idea": ("idea", "ideas", "proposal", "suggestion"),
    "question": ("question", "questions", "q", "open question", "open questions"),
    "link": ("link", "links", "ref", "reference", "see"),
}
_KIND_OF_WORD = {word: kind for kind, words in _WORDS.items() for word in words}
# The headings and labels whose bullets are follow-ups to be done (open), each of them.
GATHERING_ACTION_WORDS = {
    "action item", "action items", "action", "actions", "ai", "ais", "todo", "to do", "to-do",
    "action point", "action points", "homework", "before next meeting", "before the next meeting",
    "before next call", "before the next call",
}

# Under a heading of their own (not as a bullet's label, where they may be anyone's plans), these
# gather the follow-ups of the meeting too: "## Next steps", "### Follow-ups".
HEADING_ACTION_WORDS = GATHERING_ACTION_WORDS | {
    "next step", "next steps", "follow-up", "follow up", "followup", "follow-ups", "follow ups",
    "followups", "tasks", "call to action", "calls to action", *languages.ACTION_HEADINGS,
}

# Default labels for entries typed live, in the wording the SVSM minutes use.
DEFAULT_LABELS = {"decision": "Decision: ", "action": "Action Item: ", "idea": "Idea: "}

_WORD = r"[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ -]{0,18}?"
# A label may carry a number: "DECISION 64.1:", "ACTION 58.1", "AI #3".
_NUMBER = r"(?: #?\d+(?:\.\d+)*)?"
# Capitals that are a body's, a product's or a label's, never someone's initials ("TSC: …",
# "ACTION ITEM: …", "CLI: add a flag").
NOT_INITIALS = frozenset({
    "TSC", "TAC", "TC", "PMC", "WG", "SIG", "SC", "CI", "CD", "QA", "ALL", "TBD", "TBA", "PR", "PRS", "API",
    "DOCS", "BOARD", "TEAM", "CORE", "INFRA", "OPS", "DEV", "DEVS", "ITEM", "ITEMS", "POINT", "POINTS", "ASAP",
    "EOD", "EOW", "WIP", "LIST", "TODO", "UI", "UX", "DB", "CLI", "AWS", "GCP", "FYI", "NB", "RFC", "OK", "NA",
    "REQUIRED", "NEEDED", "PLAN", "NOTE", "NOTES", "DONE", "OPEN", "NEW", "OLD", "GPU", "CPU", "OS", "VM", "SDK",
})
# "Action NC: try …", "Action LA/MR: feed …": whose by initials (or handle), joint ones too, the
# initials part of the label (label_initials reads them back).
_INITIALS_LABEL_RE = re.compile(
    r"^(?P<label>(?P<word>(?i:action(?: items?)?|todo)|AI) "
    r"(?P<whose>(?:@[\w-]+|[A-Z]{2,4})(?: ?[/&+,] ?(?:@[\w-]+|[A-Z]{2,4}))*): *)")
# **ACTION: start the approval process.**: the whole paragraph in bold, its label inside
_ALL_BOLD_RE = re.compile(rf"^(?P<label>(?P<e>\*\*|__)(?P<word>{_WORD}){_NUMBER} ?:\s*)(?=\S(?:(?!(?P=e)).)*(?P=e)$)", re.S)
# The label forms seen in real minutes, each capturing the whole label as written (with the
# spaces after it) and the bare word.
_LABEL_RES = [
    # "Action Item to @Keenuts to expand …", "Action item for Ann: …": the label names whose it is.
    re.compile(r"^(?P<label>(?P<word>(?i:action items?|todo)|AI) (?:to|for) )"
               r"(?=(?:@[\w-]+|[A-Z][\w'’-]*(?: [A-Z][\w'’-]*)?)(?::| to ) *\S)"),
    # "action @frijol Poll team members about sweatshirts": a bot's word, before a handle, no colon.
    re.compile(r"^(?P<label>(?P<word>(?i:action|todo)) +)(?=@[\w-]+ +(?!(?:was|is|has|had|were|are)\b)\S)"),
    _INITIALS_LABEL_RE,
    re.compile(rf"^(?P<label>(?P<e>\*\*\*|\*\*|__|\*|_)(?P<word>{_WORD}){_NUMBER} ?:(?P=e)\s*)"),  # **Decision:**
    re.compile(rf"^(?P<label>(?P<e>\*\*\*|\*\*|__|\*|_)(?P<word>{_WORD}){_NUMBER}(?P=e) ?:\s*)"),  # **AI**:
    re.compile(rf"^(?P<label>\\?\[(?P<word>{_WORD}){_NUMBER}\\?\]:? +)(?=\S)"),  # [ACTION] Ann to ..., \[todo\] …
    # "**[Action for Jan]** Ericsson will …", "(**Action**) Henry will check …", "Decision taken
    # without objection: there should be …": a label in brackets, or one that says how it was taken
    re.compile(rf"^(?P<label>(?P<e>\*\*|__)?\[(?P<word>{_WORD})(?: for [^\[\]*_]{{1,40}})?\](?P=e)?:? +)(?=\S)"),
    re.compile(rf"^(?P<label>\((?P<e>\*\*|__)?(?P<word>{_WORD})(?P=e)?\):? +)(?=\S)"),
    re.compile(r"^(?P<label>(?P<word>(?i:decisions?|resolutions?)) (?i:taken|made|reached|adopted)(?: [a-z ]{1,30})?: +)(?=\S)"),
    re.compile(rf"^(?P<label>(?P<word>{_WORD}){_NUMBER}(?: \([^()]{{1,40}}\))? ?:\s*)"),  # Action items (for Ann):
    _ALL_BOLD_RE,
    re.compile(rf"^(?P<label>(?P<e>\*\*\*|\*\*|__)(?P<word>{_WORD}){_NUMBER}(?P=e) ?[-–—] +)(?=\S)"),  # **TODO** - Ann to ...
    re.compile(rf"^(?P<label>(?P<e>\*\*\*|\*\*|__)(?P<word>{_WORD}){_NUMBER}(?P=e)\s+)(?=\S)"),  # **Decision** We ...
    re.compile(rf"^(?P<label>(?P<word>[A-Z][A-Z -]{{1,18}}?){_NUMBER} [-–—] +)(?=\S)"),  # ACTION - Matt to ...
]
# The last three forms, without a colon, only for the words that record something.
_BARE_LABEL_FORMS = 3
_LAST_FORM = len(_LABEL_RES) - 1
_ALL_BOLD_FORM = _LABEL_RES.index(_ALL_BOLD_RE)
_INITIALS_FORM = _LABEL_RES.index(_INITIALS_LABEL_RE)
_BRACKET_KINDS = ("action", "decision", "info", "idea")
_PAREN_WORDS = ("action", "action item", "action point", "decision", "todo", "to do", "ai")
# Prose that records a decision without a label: "General consensus on ...", "It was agreed".
# (The look ahead: every alternative starts at a word, a colon or a dash; a place anywhere else,
# the end of a word, is passed over at once instead of trying each alternative there.)
# "consensus" as the meeting's ("consensus on …", "Consensus emerged", "General consensus."), not a
# thing's name ("consensus-related work", "the consensus protocol", "Consensus engine", "Consensus
# is broken on testnet", "the consensus of the chain").
_NOT_A_MODIFIER = (
    r"(?![-‐]|\s+(?:protocols?|engines?|layers?|algorithms?|mechanisms?|models?|rules?|tests?|testing|clients?|"
    r"nodes?|code|codebase|implementations?|integration|failures?|bugs?|critical|modules?|library|specs?|"
    r"specification|changes?|parameters?|params|messages?|rounds?|logic|network|values?|work|team|upgrades?|"
    r"versions?|related|communication|preservation|part|issues?|forks?|data|state|safety|liveness|split|sync|"
    r"crates?|repo|api|level|validators?|concerns|research|development)\b"
    r"|(?:\s+\w+){0,3}\s+(?:broken|halted|halts|stalled|failed|failing|fails|crashed|stuck|forked)\b"
    r"|\s+of\s+the\s+(?:chain|network|nodes?|protocol|validators?|system)\b)")
_DECIDED_RE = re.compile(
    rf"(?=[\w:\-–—])\b(?:consensus{_NOT_A_MODIFIER}|agreed|decided|approved|okay[’']?ed|signed off|settled on|resolved to|"
    r"unanimous(?:ly)?|voice vote|voted|no objections?|we will go with|let[’']?s go with|"
    r"(?:we[’']re |we are )?going with|let[’']?s (?:defer|postpone|close|merge|adopt|accept|reject|drop|keep|proceed|"
    r"revisit|move (?:away|to|forward|on)|stick|wait|skip|switch|stay|leave|table)\b|"
    r"we(?:[’']re| are) (?:now )?(?:adopting|switching to|moving to)|(?:expressed|had|raised) no (?:reservations|concerns|objections)|"
    r"we agreed?|agreement (?:that|to|on|for|(?:seems|appears) to be)|(?:general|broad|full) agreement|"
    # A motion put and seconded: "Constance proposes acceptance; Gimena seconds".
    r"(?:propos|move|motion)[^.;]{0,60};\s*[^;.]{2,40}\s+seconds|settl(?:ed|ing) on|conclu(?:ded|sion (?:is|was))|"
    r"(?:all|everyone|everybody)(?: is| are| was| were)? (?:ok|okay|fine|happy|in favou?r|receptive|on board|aligned)(?: with| to)?|"
    # ... or nobody ("Nobody is okay with just ignoring deprecations"), a motion put ("Motion to revisit
    # this at a later time", a speaker's or the line's own)
    r"(?<!if )(?<!when )(?<!unless )(?:nobody|no one|no-one) (?:is|are|was|were) (?:(?:ok|okay|fine) with "
    r"(?:just |simply )?[a-z]+ing\b|in favou?r of\b)|"
    r"(?:^|(?<=:\s))motion to (?:revisit|table|adopt|approve|accept|close|defer|postpone|adjourn|reject|merge|amend|"
    r"elect|appoint|extend)\b|"
    # A body's word: "The DA is happy for workstreams to go ahead", "the board was fine with it".
    r"(?:tsc|tc|tac|board|committee|council|wg|sig|da|members) (?:is|are|was|were) (?:ok|okay|fine|happy|in favou?r)"
    r" (?:for|with|to)\b|"
    # "The core team is supportive of this direction", "Discussion: Relay team in support, …": said
    # of a body, first in the sentence (not "asked whether the board is supportive", "the team
    # in support mode").
    r"(?:^|(?<=:\s))(?:the\s+)?(?!(?:not|no|some|few|many|most|several|half|one|two)\b)(?:[\w-]+\s+)?(?:team|tsc|tc|"
    r"tac|board|committee|council|group|wg|sig|members|everyone|everybody|all) (?:(?:is|are|was|were) )?"
    r"(?:in support\b(?!\s+(?:mode|role|duty|rotation|channel|queue|tickets?|engineers?|team))|supportive of)"
    r"(?![^.;]*\bothers\b)|"
    # "… and the way to move forward is to create written proposals" (not "one way forward is",
    # "Ann thinks the way forward is").
    r"(?<!thinks )(?<!think )(?<!believes )(?<!feels )(?<!maybe )(?<!perhaps )(?<!suggested )(?<!whether )(?<!if )"
    r"\bthe (?:way|path) (?:to move |to go )?forward "
    r"(?:is|was) (?:to|that)|"
    # Put back or forward: "versionbits is moved back in priority", "the release was pushed out a week".
    r"(?:is|was|were|has been|have been) (?:moved|pushed) (?:back|forward|out)\b|"
    # A verdict in passing: "framework seems ok to move forward", "It sounds like yes."
    r"(?:seems|looks|sounds) (?:ok|okay|good|fine) to (?:move forward|proceed|go ahead|merge|ship)|"
    r"sounds like (?:a )?(?:yes|consensus|agreement|a plan)|"
    r"we won[’']t (?!be\b)|"
    r"we(?:[’']ll| will| shall) (?:not (?!be\b)|keep (?!an eye)|hold off|wait|stick|stay|remove|"
    r"drop|defer|postpone|skip|adopt|switch|move\b(?! on\b)|leave (?:it|this|that|them)\b)|"
    r"not ready to|won[’']t need to|will not need to|will (?:not )?be the default|"
    # A proposal's fate: "the RFC was accepted", "marked them as \"June 13: Accepted\"".
    r"(?:was|were|is|are|been|got)\s+(?:formally\s+|officially\s+)?accepted(?!\s+(?:for|at|into|in|to)\b)|:\s*(?-i:Accepted|Rejected)|"
    # A headline's verdict: "Herbert's proposals accepted.", "Site-To-Cloud: No go for now".
    r"(?:proposals?|requests?|changes?|motions?|amendments?|rfcs?|prs?)\s+(?:accepted|rejected)(?=[.!]?(?:\*\*|__)?$)|"
    r"(?:^|:\s*|[-–—]\s*)no[- ]go\b(?![-/])|"
    # "The decision was made that …", "Tabled discussion of …", "No ALESCo members against this".
    r"decision (?:was|has been|had been) (?:made|taken|reached)|tabled|"
    r"no(?:\s+\w+){0,2}\s+(?:members?|one|body)\s+(?:against|opposed|objected)|"
    # A body's word ("which the TSC confirmed should be considered"), a call called off or moved.
    r"(?:tsc|board|committee|council|group|wg|sig|members|everyone) confirmed|"
    r"(?:has been|have been|was|were|is|are) (?:cancell?ed|postponed|rescheduled|extended (?:by|to|until))|"
    # What stays as it is: "Freedcamp will remain the tool for tasks"; what the group set out to do.
    r"(?:will|should|shall) (?:remain|stay|continue to be)\b|^we said (?:that )?we (?:should|will|would)|we(?: are|[’']re) aiming to|"
    # Going ahead: "we can start working this way now", "We can trial this now".
    r"(?:(?<![^.!;:\n]\s)(?<!\w)|\b(?:think|believe|agreed that|so now)\s+)we can (?:now )?(?:start|begin|trial|go ahead|proceed|move (?:forward|ahead))"
    r"(?! (?:thinking|looking|talking|discussing|considering|exploring))|"
    r"(?:conclusion|outcome)\b[^.;]{0,40}\b(?:is|was) (?:that|to)\b|"
    # A tally: "passed 7-0", "motion carried" (and "(5/6 Votes)", below).
    r"(?:passed|carried|approved)\s+\d+\s*[-–:/]\s*\d+|(?:motion|vote) (?:passed|carried)|"
    + languages.DECIDED +  # ... in the other languages minutes are kept in
    r")\b"
    # A proposal carrying its +1s ("Third tuesday of the month?  +1 KK"); not "+1" alone, not
    # "(day 0 or +1)".
    r"|^.{10,}\s(?<!or )(?<!and )\+1s?\b"
    r"|\(\d+\s*/\s*\d+\s+votes?\)",
    re.I,
)
# Every alternative of _DECIDED_RE has one of these (a cheap first look, on every bullet).
_DECIDED_HINTS = (
    "consensus", "agree", "decided", "approved", "okay", "signed off", "settl", "resolved to",
    "unanimous", "vote", "objection", "go with", "going with", "let's", "let’s", "conclu", "all ", "everyone", "everybody",
    "we'll", "we’ll", "we will", "we shall", "not ready", "need to", "default", "+1", "passed",
    "carried", "won't", "won’t", "accepted", "seconds", "adopting", "switching to", "moving to", "no reservations", "no concerns",
    "outcome", "rejected", "we can", "confirmed", "cancel",
    "postponed", "rescheduled", "extended", "remain", "stay", "continue to be", "we said", "aiming",
    "to move forward", "to proceed", "to go ahead", "to merge", "to ship", "sounds like", "no go", "no-go",
    "decision was", "decision has", "decision had", "tabled", "against", "opposed", "objected",
    *languages.DECIDED_HINTS,
    "happy for", "happy with", "happy to", "fine for", "fine with", "fine to", "ok for", "ok with", "ok to",
    "in favo", "in support", "nobody", "no one", "no-one", "motion to", "supportive", "forward is", "forward was", "moved back", "moved forward", "moved out", "pushed back", "pushed forward", "pushed out",
)
# A body choosing ("The TC elects Florian as the new chair", "TC supports the proposal"), and a
# question of objections answered ("Any objections? No."): apart from the long pattern above, so
# that a sentence with "support" in it does not run that one.
_CHOSEN_RE = re.compile(
    r"\b(?:tsc|tc|tac|board|committee|council|group|wg|sig|members|everyone)\s+(?:elect(?:s|ed)|appoint(?:s|ed)|"
    r"support(?:s|ed)|endorse[sd]?|approve[sd]?|adopt(?:s|ed))\b"
    r"|\b(?:any|no)(?:one|body)?\s+(?:objections?|opposed|against)\?\s*(?:no|none|nobody|no one|not heard)\b"
    # A question the meeting answered: "Cut off date for sign up? No, because it's remote".
    r"|^[^?]{10,}\?\s+(?:yes|no)\b[,.;:]?\s+\w",
    re.I)

# What the meeting settled, said in passing: in the passive ("the contribution will be raised",
# "GIS data was changed to geospatial data"), someone chosen, a cadence, a question answered.
_SETTLED_RE = re.compile(
    r"(?<!\w)(?:(?:will|shall)(?: not)? be (?:changed|transferred|raised|lowered|renamed|moved|merged|"
    r"removed|deprecated|dropped|archived|replaced|retired|reverted|deferred|adopted|frozen|locked|"
    r"postponed|cancell?ed)\b"
    r"|(?:was|were|has been|have been) (?:changed|renamed|switched|moved) to\b"
    r"|will (?:switch|migrate) (?:over )?to\b"
    # Ownership handed on, a body or a channel set up: "Ownership of BEPs should be transferred to
    # BIDS maintainers", "Marketing subcommittee should be created", "The bitcoin-discuss list will be created".
    r"|(?:should|shall) be (?:transferred|handed over) to\b"
    r"|(?:committee|subcommittee|group|wg|sig|team|task force|channel|list|mailing list|repo|repository) "
    r"(?:should|will|shall) be (?:created|formed|set up|established|started)\b"
    # ... or has been, a body of people (a channel or a repository made is news)
    r"|(?:committee|subcommittee|group|wg|sig|team|task force) (?:has|have) been (?:created|formed|set up|established)\b"
    # A name chosen, in quotes: 'name is "Architecture PoC"', "The new name will be “Stride”".
    r"|(?<!my )(?<!your )(?<!his )(?<!her )\bname (?:is|will be|shall be) [\"“']"
    # Someone chosen for a role: "accepted James Vincent and Mike Friesenegger as co-chairs".
    r"|(?:accepted|elected|appointed|confirmed|named)\b[^.;]{1,60}?\bas (?:the |a |an |our |new )*(?:co-?)?"
    r"(?:chair|lead|maintainer|member|secretary|treasurer|editor|owner|representative|liaison|point person)s?\b"
    # ... or elected, said of them: "Rob Read was elected Product Owner".
    r"|(?:was|were) (?:unanimously )?(?:elected|appointed)(?: as)? (?:the |a |an |our |new |to the )*(?:co-?|vice[- ])?"
    r"(?:chair|lead|treasurer|secretary|president|maintainer|member|editor|representative|liaison|owner|"
    r"manager|director|product|release|board|tsc|committee|council|steering)"
    r"|will be (?:the |our )?(?:new )?(?:[\w-]+ )?(?:point person|owner|lead|chair|co-chair|maintainer|release manager|"
    r"contact|editor|dri)(?=$|[.,;:)]| (?:for|of|on|in|at|from|until|starting|going)\b)"
    # Taken as it stands, or not taken up: "minutes accepted without further discussion", "No
    # official support planned".
    r"|accepted (?:without|unanimously|as is|by all|by consensus)\b|not planned\b|^[*_]*(?:we(?:[’']re| are) )?not planning (?:on|to) (?!attend|join|come|go\b|be\b|make it)"
    # A verdict on a topic, its first words: "Deprioritized for now unless someone volunteers",
    # "Kept open as a tracker" ("No official support planned" is one, "No updates planned" not).
    r"|^[*_]*(?:deprioriti[sz]ed|parked|shelved|kept open|(?:put )?on hold|punted)\b"
    # A cadence set: "Future calls every other week during CI migration".
    r"|(?:future|next|upcoming|regular) (?:calls|meetings|syncs)\b[^.;]{0,20}?\b(?:every|bi-?weekly|weekly|"
    r"monthly|fortnightly)\b"
    # ... or their length: "Next meetings should be 1 hour at max".
    r"|(?:future|next|upcoming|regular) (?:calls?|meetings?|syncs?) (?:will|should|shall) (?:be|last|take)\b[^.;]{0,20}?"
    r"\b(?:an? |\d+(?:\.\d+)? )(?:hours?|minutes?|mins?)\b(?! (?:earlier|later|before|after)\b)"
    # Put off to a time: "Cleaned up version will not be ready; revisit in December".
    r"|revisit (?:in|at|after|next)\b)")
# Every alternative of _SETTLED_RE has one of these (a cheap first look, on every bullet).
_SETTLED_HINTS_RE = re.compile(
    r"will|shall|should|was |were |been|accepted|elected|appointed|confirmed|named|planned|planning|revisit|future|"
    r"next|upcoming|regular|name|prioriti|parked|shelved|kept open|on hold|punted")
# A question put and answered in brackets: "any issues with proceeding? [no]".
_ANSWERED_RE = re.compile(r"\?\s*\[(?:yes|no|none|agreed|approved)\]\s*$")
# ... or an order for how to go on, at the start of a bullet, in the verbs that choose a way
# ("Use the CNCF Slack for all breakouts", "For now, remove the horizontal ones", "In the docs, use
# xarray …", "Plan to freeze master after RC1"), not a task's ("Send", "Start", "Leave").
_ORDER_RE = re.compile(
    r"(?:for now|for the time being|for the moment),?\s+(?!\w+ (?:is|are|was|were)\b|nothing\b|no\b|n/a\b)\w"
    r"|plan to \w|will\b.{4,80}\bfor now\b"
    r"|(?:(?:in|on|for|from|after|until) [^,.;]{2,30},\s+)?(?:use (?!cases?\b|of\b)|prioriti[sz]e |lock down |"
    r"stick (?:with|to) (?!the agenda\b)|go (?:with|ahead with) (?!the flow\b)|switch (?:to|over to) |"
    r"split (?:up|into) |deprecate |try to keep |keep using |stay (?:with|on|at) |"
    r"make (?!sure\b)[^.;]{1,40}? (?:the )?default\b|move to (?!(?:the )?next\b)|change [^.;]{1,60}? to )"
    # Said without its subject, the meeting's: "Will use governance repository for future notes."
    r"|will (?:use (?!(?:the )?(?:remaining |rest of the )?time\b)|adopt (?!an? )|switch to |go with |stick with |"
    r"keep using |stay with |continue (?:to use|using) |move to (?!(?:the )?next\b))")


def is_order(text: str) -> bool:
    """'Use the CNCF Slack for all breakouts': an order for how to go on (a decision by its look;
    under 'Action items', a task)."""
    lowered = text.strip().lower()
    return bool(_ORDER_RE.match(lowered))


# An opinion, not a settlement: "Ken believes this should be replaced with a hash".
_OPINION_RE = re.compile(r"\b(?:believes?|thinks?|suggest(?:s|ed)?|wonder(?:s|ed)?|maybe|perhaps|might|could|not sure|unsure)\b")
# "KK: Use the repo to track todo items": what a speaker said, read without their name.
_SPEAKER_PREFIX_RE = re.compile(r"^[a-z][\w.’'-]{0,20}(?: [a-z][\w.’'-]{0,20})?:\s+(?=\S)")


# What the group said together: "Group: Not essential, but good to archive …" (not "Group: SIG Docs").
_COLLECTIVE_RE = re.compile(r"(?:the )?(?:group|consensus):\s+(?:not|no|yes|agreed?|fine|ok(?:ay)?|good|go|approved|"
                            r"accepted|rejected|decided|will|should|let[’']?s)\b")
# A thing moved ("Coding guidelines will move to the new web site", "The call will move to
# Thursdays"), not people ("Ann will move to Berlin", "Most folks will move to …"): a subject of a
# few words with one in lower case, none a person's or a group of people's.
_MOVES_RE = re.compile(
    r"^(?!.*\b(?i:and|folks|people|members|everyone|contributors|maintainers|we|they|he|she|i)\b.*\bwill move)"
    r"(?:[A-Z][\w-]*\s+)?[a-z][\w-]*(?:\s+[a-z][\w-]*){0,3}\s+will move to\b(?!\s+(?:the\s+)?next\b)")


def _settled(lowered: str) -> bool:
    said = ":" in lowered[:44] and _SPEAKER_PREFIX_RE.match(lowered)
    if said and _COLLECTIVE_RE.match(lowered) and not _OPINION_RE.search(lowered):
        return True
    if said:
        lowered = lowered[said.end():]
    # "Colin: Will use the new API": the speaker's plan, not the meeting's
    order = not (said and lowered.startswith("will "))
    found = (order and _ORDER_RE.match(lowered) or _SETTLED_HINTS_RE.search(lowered) and _SETTLED_RE.search(lowered)
             or lowered.endswith("]") and _ANSWERED_RE.search(lowered))
    return bool(found) and not _OPINION_RE.search(lowered)


# One search for all of them (a plain `in` per hint cost a generator step each, on every bullet).
# At a word's start only, as every alternative of _DECIDED_RE is: the engine then tries the hints
# at a few places of a line, not at every letter.
def _trie(words: list[str]) -> str:
    """An alternation of WORDS grouped by their letters ('ag(?:ree|…)'): the engine then tries a
    branch per first letter at each place, not one per word."""
    if "" in words:
        rest = [w for w in words if w]
        return f"(?:{_trie(rest)})?" if rest else ""
    heads: dict[str, list[str]] = {}
    for word in words:
        heads.setdefault(word[0], []).append(word[1:])
    parts = [re.escape(head) + _trie(tails) for head, tails in sorted(heads.items())]
    return parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"


_DECIDED_HINTS_RE = re.compile(r"(?<![a-z])" + _trie([h for h in _DECIDED_HINTS if h != "+1"]) + r"|\+1")
# ... unless it says that nothing was decided, asks whether, or that someone agreed to do something.
_UNDECIDED_RE = re.compile(
    r"\b(?:not|no(?!\s+objections?\b)|nothing|never|pending|undecided|yet to be|to be|did we|do we|whether|if|until)\b"
    r"[^.;]{0,30}\b(?:consensus|agreed?|agreement|decided|approved|voted|conclu(?:ded|sion)|settled)\b"
    r"|\b(?:consensus|decision|approval|vote|agreement)\s+(?:is\s+|was\s+)?(?:pending|needed|required|outstanding)\b"
    r"|\b(?:come to|reach|get to|build|seek|find|need|needs|want|require)\s+(?:a\s+|an\s+)?(?:consensus|agreement)\b"
    # "would like to get this decided in two weeks", "the (concluded) IETF group"
    r"|\b(?:get|have)\s+(?:this|it|that|these|them)\s+(?:decided|agreed|approved|settled)\b|\((?:concluded|approved|agreed)\)"
    # A motion that fell: "Motion to close the issue, not seconded", "Motion to accept … withdrawn".
    r"|\bmotion\b[^.;]{0,80}\b(?:not seconded|withdrawn|failed|defeated)\b"
    # "Ann agreed to review": Ann's commitment; "All agreed to continue by e-mail": the meeting's.
    r"|(?-i:^(?!(?:It|All|Everyone|Everybody|We|They|The|Both|Members|Attendees|Participants)\b)"
    r"[A-Z]\S*(?:\s+[A-Z]\S*)?\s+agreed\s+to\s+(?!the\b|a\b|this\b|that\b|it\b)[a-z]+)"
    r"|" + languages.UNDECIDED,
    re.I,
)
# A label inside a bullet, after a sentence or on a line of its own: "… files. Conclusion: …".
_INNER_LABEL_RE = re.compile(
    rf"(?:\n|[.!?;]\s+)(?:\*\*|__|\*|_)?(?P<word>{_WORD})(?:\*\*|__)?\s?:(?:\*\*|__|\*|_)?\s+\S")
# A kind tagged after the words, as a legend at the top of the minutes explains ("[todo] |
# Action Item"): at the end, or before what the note-taker added ("[todo] -- no time left").
_TAG_RE = re.compile(
    r"\s\\?\[(?P<word>todo|to-do|action|action item|decision|decided|agreed|resolved)\\?\]"
    r"(?=\s*$|\s+(?:--|–|—)\s)", re.I)
# ... or before them, as MeetBot's tags are written inside a speaker's turn: "Larry: [ACTION] We
# should take …", "… with it. [ACTION] We should work on …".
_INNER_TAG_RE = re.compile(
    r"(?:(?<=[.!?:;] )|(?<=[.!?:;]  ))\\?\[(?P<word>ACTION|ACTION ITEM|TODO)\\?\]\s+(?=\S)")
_URL_RE = re.compile(r"^(<)?https?://\S+(?(1)>)$|^\[[^\]]*\]\(\S+\)$")


def label_initials(label: str | None) -> re.Match | None:
    """'Action LA/MR: ': the label's word and whose it says by initials ('LA/MR'); None for any
    other label, and where the capitals are a body's or a label's ('TSC', 'ACTION ITEM')."""
    m = _INITIALS_LABEL_RE.match(label) if label else None
    return m if m and not NOT_INITIALS.intersection(re.split(r"[/&+,\s]+", m["whose"])) else None


def split_label(text: str) -> tuple[str | None, str | None, str]:
    """(label as written, the kind it means, the rest) — or (None, None, text) without one."""
    dashed = "- " in text or "– " in text or "— " in text
    # Every label has a colon near its start, opens with a mark, is an action's word, or has a
    # dash after it: a cheap first look, on every bullet.
    if ":" not in text[:80] and text[:1] not in "*_[(\\" and text[:2].lower() not in ("ac", "to", "ai") \
            and not dashed:
        return None, None, text
    for number, pattern in enumerate(_LABEL_RES):
        if number == _LAST_FORM and not dashed:
            break  # "ACTION - …": only where a dash is written
        m = pattern.match(text)
        if m:
            kind = _KIND_OF_WORD.get(m["word"].strip().lower())
            if (number >= len(_LABEL_RES) - _BARE_LABEL_FORMS or number == _ALL_BOLD_FORM) \
                    and kind not in ("action", "decision"):
                continue  # "**Context** as …", "**Note** - …": emphasis, not a label
            if m["word"].strip().lower() in ("ai", "ais") and (
                    not m["word"].strip().startswith("AI") or number == _LAST_FORM):
                return None, None, text  # "Ai: …", "AI - policy" no action-item label; "AI:" is
            if m["label"].lstrip("*_").startswith(("[", "\\[")) and kind not in _BRACKET_KINDS:
                continue  # "[link] text" is a Markdown link, "[ACTION]" a MeetBot label
            if m["label"].startswith("(") and m["word"].strip().lower() not in _PAREN_WORDS:
                continue  # "(Optional) read the draft", "(Result) …": a remark, not a label
            if number == _INITIALS_FORM and not label_initials(m["label"]):
                continue  # "ACTION ITEM: …", "TODO ASAP: …"
            if kind and m.end() < len(text):
                return m["label"], kind, text[m.end():]
            return None, None, text
    return None, None, text


def without_closing(label: str | None, text: str) -> str:
    """'**ACTION: ' over 'split out minor changes**': the text without the bold its label opened."""
    mark = label[:2] if label and label[:2] in ("**", "__") and label[2:3] not in "*_" else ""
    return text[:-2].rstrip() if mark and text.endswith(mark) and mark not in label[2:] else text


def task_after_inner_label(text: str) -> str | None:
    """'… review process. *Next Action:* ED will write it up': the task an action label inside a
    bullet introduces (its last), or None where the bullet has no such label."""
    found = None
    for m in _INNER_LABEL_RE.finditer(text):
        if _KIND_OF_WORD.get(m["word"].strip().lower()) == "action":
            found = text[m.end() - 1:]
    for m in _INNER_TAG_RE.finditer(text) if "[" in text else ():
        # "Carol: [ACTION] draft the charter. Bob agreed.": the task is the sentence after the tag
        found = re.split(r"(?<=[.!?])\s+(?=[A-Z])", text[m.end():], maxsplit=1)[0]
    return found


def _chosen(text: str, lowered: str) -> bool:
    # Plain "in" first: a regex search on every bullet of an import costs more than all of these.
    return ("?" in text or "elect" in lowered or "support" in lowered or "appoint" in lowered
            or "endorse" in lowered or "adopt" in lowered or "approve" in lowered) and bool(_CHOSEN_RE.search(text))


# A proposal put to the meeting after it is said: "Anyone opposed?", "Any objections?".
_PUT_TO_THE_FLOOR_RE = re.compile(r"(?:any(?:one|body)?\s+(?:opposed|objections?|against)|objections)\?", re.I)


def kind_of_text(text: str) -> str:
    """The kind a bullet without a label has by its look alone."""
    stripped = text.strip()
    if _URL_RE.match(stripped):
        return "link"
    tag = (_TAG_RE.search(stripped) or _INNER_TAG_RE.search(stripped)) if "[" in stripped else None
    if tag:  # "Safety Pamphlet (Andrew) [todo] -- …", "Chapter selection …: [decision]"
        return _KIND_OF_WORD[tag["word"].lower()]
    if stripped.endswith("?"):
        # "There was general agreement that we should … HGVS sufficient here?": what was
        # settled before the question asked after it
        settled = re.search(r"^.*[.!]\s+(?=[A-Z][^.!?]*\?$)", stripped, re.S)
        if settled and _PUT_TO_THE_FLOOR_RE.fullmatch(stripped, settled.end()):
            return "decision"  # "I think that would work. Anyone opposed?": a proposal nobody opposed
        return "decision" if settled and kind_of_text(settled[0]) == "decision" else "question"
    for m in _INNER_LABEL_RE.finditer(stripped) if ":" in stripped else ():  # every label has its colon
        kind = _KIND_OF_WORD.get(m["word"].strip().lower())
        if kind in ("action", "decision"):
            return kind
    if "[" in stripped:  # "… - **[completed](…)** and **[approved](…)**": a task's status, not a vote
        stripped = without_status(stripped)
    lowered = stripped.lower()
    moved = "will move to" in lowered and _MOVES_RE.match(stripped) and not _OPINION_RE.search(lowered)
    if (_DECIDED_HINTS_RE.search(lowered) and _DECIDED_RE.search(stripped) or _chosen(stripped, lowered)
            or _settled(lowered) or moved) and not _UNDECIDED_RE.search(stripped):
        return "decision"
    return "note"


# A cheap first look, on every bullet of an import: the words any gathering label has.
_HEADING_WORDS = (
    "action", "ai", "todo", "to do", "to-do", "follow", "next", "task", "decision", "decided",
    "agree", "resol", "conclu", "outcome", "consensus", "verdict", "vote", "motion", "takeaway",
    "highlight", "points", "homework", "focus", "what will", "what are", "plans for", "goals for",
    *languages.HEADING_HINTS,
)
_HEADING_WORDS_RE = re.compile("|".join(map(re.escape, _HEADING_WORDS)))
# "Main points to come out of meeting", "Decisions from today's call": the words before.
_OF_THE_MEETING_RE = re.compile(
    r"\s+(?:to come out of|from|of|in|for)\s+(?:the\s+|this\s+|today'?s\s+)?(?:meeting|call|discussion)$")


# What a heading says of its tasks besides that they are tasks: "Open Action Items", "Completed
# actions", "Action items from the last meeting", "Review of previous action items".
_DONE_WORDS = r"completed|complete|closed|done|finished|resolved"
_QUALIFIER_RE = re.compile(
    rf"^(?:(?:review(?:ing)?|status|recap|summary|list)(?: of)? (?:the )?|(?:open|new|pending|outstanding|still|{_DONE_WORDS}|"
    r"previous|past|prior|old|current|existing|remaining|ongoing|carried[- ]over|our|key|the|resulting|"
    r"individual|general|team|suggested|proposed|agreed|immediate|upcoming) )+"
    r"|\s+(?:from|of) (?:the )?(?:last|previous|prior) (?:meeting|call|week|time)$"
    r"|\s+for (?:all|everyone|everybody|the (?:team|group))$", re.I)
# "Action Items (carried over)": a remark after a heading.  Not after a bullet's label, where
# "Decision: (draft)" over sub-bullets is a decision explained, not a list of decisions.
_HEADING_REMARK_RE = re.compile(r"\s+\((?:\w+\s?){1,3}\)$")
_TAKEN_RE = re.compile(r"(.+?)\s+(?:done|taken|made|held|reached|passed|adopted|approved|agreed|accepted)", re.I)
_DONE_HEADING_RE = re.compile(rf"^(?:{_DONE_WORDS})\b", re.I)


def says_done(heading: str) -> bool:
    """'Completed Action Items', 'Closed actions': of a heading the caller knows gathers tasks
    (kind_of_heading), whether they are done already."""
    written = re.sub(r"[*_:\s]+", " ", heading).strip()
    return bool(_DONE_HEADING_RE.match(written))


# A paragraph all in emphasis, a heading in all but name: "***Erik***", "**Intel**", "*Notes:*".
BOLD_LINE_RE = re.compile(r"(?P<e>\*{1,3}|_{1,3})(?P<words>[^*_\n]+?)(?P=e):?")


def heads_a_list(text: str) -> bool:
    """'Roadmap', 'Erik', 'Website:': a bullet whose few words only head the bullets under it (under
    'Action items' those are the tasks, not it).  'Update docs' over details is a task."""
    words = re.sub(r"[*_`]", "", text).strip().rstrip(":").split()
    if not 1 <= len(words) <= 3 or re.search(r"[.!?;,()\[\]]", text):
        return False
    return len(words) == 1 or text.rstrip().endswith(":") or all(w[:1].isupper() for w in words)


# An emoji, as a shortcode (":muscle:") or a symbol ("💪", "⬜"): decoration, never a word.
EMOJI_RE = re.compile(r"(?<!\S):[a-z0-9_+-]+:(?!\S)|[\u2190-\u2bff\u2600-\u27bf\U0001f000-\U0001faff\ufe0f\u200d]")


# A stand-up's heading over someone's plans ("#### What I'm up to next ⬜", "Plans for next week"):
# like "Next steps", only as a heading.
_PLANS_RE = re.compile(
    r"(?:what(?:[’']s| is| i[’']m| i am| we[’']re| we are)? (?:up to |doing |working on |planning )?next"
    r"|next up|up next|coming up next|(?:my |our )?(?:plans?|goals?|focus) for (?:the )?(?:next|coming|this) "
    r"(?:week|two weeks|weeks|sprint|cycle|month)"
    # "What will be the project's focus this week?", "What will you work on this week?"
    r"|what (?:will|is|are)(?: (?:you|we|i|they))? (?:be )?(?:the )?(?:[\w-]+[’']s |our |your |my )?"
    r"(?:focus(?:ing)?(?: on)?|doing|working on|work on|do) (?:for )?(?:this|next|the coming) "
    r"(?:week|sprint|cycle|month))\W*")


def says_own_plans(text: str) -> bool:
    """'What I'm up to next', 'My plans for next week': somebody's own plans, in the first person."""
    written = re.sub(r"[*_:\s]+", " ", text).strip().lower()
    return bool(_PLANS_RE.fullmatch(written)) and bool(re.search(r"\b(?:i[’']m|i am|my)\b", written))


def kind_of_heading(text: str, heading: bool = False) -> str | None:
    """'Action Items', '**Decisions:**', '## Next steps': the kind of the bullets a heading (or
    a paragraph that is only a label) gathers, where it gathers actions or decisions.  A heading
    naming both ('Decisions & Action Items') gathers actions: each may still say it decides."""
    lowered = text.lower()
    if len(text) > 80 or "\n" in text.strip() or not _HEADING_WORDS_RE.search(lowered):
        return None  # a label is short, and has one of a few words: most bullets are not one
    bare = EMOJI_RE.sub(" ", text) if text.count(":") > 1 or not text.isascii() else text  # "Action Points :muscle:"
    if "](" in bare:  # "Review action items from [last meeting](./2023-09-20.md)": the link's words
        bare = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", bare)
    written = re.sub(r"[*_:\s]+", " ", bare).strip()
    if heading and _PLANS_RE.fullmatch(written.lower()):
        return "action"
    if written.lower() in ("ai", "ais") and not written.startswith("AI"):
        return None  # "## Ai" (or a heading about AI in words) gathers no tasks
    if _OF_THE_MEETING_RE.search(written.lower()) and re.match(
            r"(?:main|key) (?:points|outcomes)|highlights", written.lower()):
        return "decision"  # "Main points to come out of meeting": what it settled
    written = _QUALIFIER_RE.sub("", written)  # "Open Action Items", "Action items from last meeting"
    written = _HEADING_REMARK_RE.sub("", written) if heading else written
    done = _TAKEN_RE.fullmatch(written)
    if done and _KIND_OF_WORD.get(done[1].lower()) == "decision":
        return "decision"  # "Votes done:", "Resolutions passed"
    parts = [_OF_THE_MEETING_RE.sub("", p.lower()) for p in re.split(r"\s*(?:&|\+|\band\b)\s*", written)]
    if len(parts) > 2:
        return None
    actions = HEADING_ACTION_WORDS if heading else GATHERING_ACTION_WORDS
    kinds = ["action" if part in actions else "decision" if _KIND_OF_WORD.get(part) == "decision"
             else None for part in parts]
    if None in kinds:
        return None
    return "action" if "action" in kinds else "decision"


# Under "Action items", a heading that only sorts the tasks: by whether they are done, or when set.
_STATUS_HEADING_RE = re.compile(
    rf"\W*(?:{_DONE_WORDS}|open|new|pending|ongoing|in progress|outstanding|carried[- ]over|previous|old|"
    r"(?:from|since) (?:the )?(?:last|previous) (?:meeting|call|week|time))\W*", re.I)


class HeadingKinds:
    """Heading by heading, the kind of bullets each gathers and the heading that says so: its own,
    or, for a heading under 'Action items' that only sorts the tasks, that one's ('### Rob', where
    PERSON says the heading names someone; '### Closed').  Not a title's: '# Follow-up' over the
    minutes gathers nothing under it.  The importer and the suggestions read headings alike."""

    def __init__(self) -> None:
        self.above: list[tuple[int, str | None, str]] = []  # (level, kind it passes on, the heading saying so)

    def push(self, level: int, text: str, *, title: bool = False, person: bool = False) -> tuple[str | None, str]:
        while self.above and self.above[-1][0] >= level:
            self.above.pop()
        kind, says = kind_of_heading(text, heading=True), text
        parent = self.above[-1] if self.above else None
        if kind is None and parent and parent[1] == "action" and (person or _STATUS_HEADING_RE.fullmatch(text)):
            kind, says = parent[1:]
        self.above.append((level, None if title else kind, says))
        return kind, says


# Whose, by name or handle: "(Kris)", "(@ann)"; not a remark ("(draft)").
_OWNERS_ONLY_RE = re.compile(r"\((?P<who>[A-Z@][^()]{0,59})\)[.:]?")


def tasks_for(label: str | None, text: str) -> str | None:
    """'**Action Items** (Kris)' over the tasks: who they are for ('Kris'); None for any other
    bullet."""
    m = _OWNERS_ONLY_RE.fullmatch(text.strip())
    return m["who"].strip() if m and label and kind_of_heading(label) == "action" else None


# "(done)", "[DONE]", "\[DONE]**" (escaped, inside the bold of the whole task)
_STATUS_RE = re.compile(
    r"(?:\(|\\?\[)(?P<status>done|todo|to do|to-do|in progress|wip|open|pending|ongoing|complete|completed|"
    r"closed)(?:[:;,][^()\[\]]*)?[)\]][.\s]*(?:\*\*|__)?[.\s]*$", re.I)


# "… - **[completed](https://…)**", "… - Done", "… – in progress": after a dash, in bold or linked.
_DASHED_STATUS_RE = re.compile(
    r"\s[-–—]\s+(?:\*\*|__)?\[?(?P<status>done|todo|to do|in progress|wip|pending|ongoing|complete|"
    r"completed|closed)\]?(?:\([^()\s]*\))?(?:\*\*|__)?"
    r"(?:\s+and\s+(?:\*\*|__)?\[?\w+\]?(?:\([^()\s]*\))?(?:\*\*|__)?)?[.\s]*$", re.I)


def without_status(text: str) -> str:
    """TEXT without the status a dash puts after it ('Onboard the SIG - **[completed](…)**')."""
    m = _DASHED_STATUS_RE.search(text) if " " in text else None
    return text[:m.start()] if m else text


_TICKED_DONE_RE = re.compile(r"\s\[[xX]\]\s*done\b", re.I)


# ... or before it, set apart: "`done` 5th Jan : Dhaval to …", "[DONE] Send the slides".
# Only the words that are a task's status and nothing else ("(Open) Floor for questions", "**Closed**
# beta" are no tasks), and not before what says there is nothing ("(done) no updates").
LEADING_STATUS_RE = re.compile(  # (no "^": matched, at the start or after a lead before it)
    r"(?:`|\*\*|__|\\?\[|\()(?P<status>done|todo|to do|to-do|wip|completed)(?:`|\*\*|__|\]|\))\s*[:\-–—]?\s+"
    r"(?!(?:no|none|nothing|n/a|list|lists|items?)\b)(?=\S)", re.I)


def written_status(text: str) -> str | None:
    """'Share the agenda (done)', 'Rebuild JIRA (todo)', 'Onboard the SIG - **[completed](…)**',
    '`done` Send the slides': a task's status written after it or set apart before it, 'done' or
    'open'; None without one."""
    m = _STATUS_RE.search(text) or _DASHED_STATUS_RE.search(text) or LEADING_STATUS_RE.match(text)
    if not m:
        # "Open an issue in API backlog. [x]Done by Eric --> https://…": ticked off after it
        return "done" if "]" in text and _TICKED_DONE_RE.search(text) else None
    return "done" if m["status"].lower() in ("done", "complete", "completed", "closed") else "open"


# "**Sam Clegg:** Awesome vision!", "Forrest: one group": who is speaking, in transcript-style notes.
_SPEAKER_RE = re.compile(r"^(?P<label>(?P<e>\*\*\*|\*\*|__)?(?P<who>@[\w-]+|[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,3})"
                         r"(?(e)(?::(?P=e)|(?P=e):)|:)[ \t]+)(?=\S)")


def split_speaker(text: str) -> tuple[str, str, bool] | None:
    """(label as written, the speaker's name, whether the label is emphasised) or None."""
    m = _SPEAKER_RE.match(text)
    if not m or m["who"].lower() in _KIND_OF_WORD:
        return None
    return m["label"], m["who"], bool(m["e"])


def speaker(label: str | None) -> str | None:
    """The name a speaker label gives ('**Sam Clegg:** ' -> 'Sam Clegg'), else None."""
    found = split_speaker(label + "x") if label else None
    return found[1] if found and found[0] == label else None
