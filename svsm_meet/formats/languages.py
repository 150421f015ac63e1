"""The words of minutes kept in other languages than English (German, French, Spanish, Portuguese,
Italian, Dutch), in one place: who was there, what was decided, what is to be done.  The readers
(attendees.py, roll.py, labels.py) put them beside their English words."""

from __future__ import annotations

# A roll call's heading or label: "## Anwesende", "Présents :", "Aanwezig:".
PRESENT_WORDS = (r"anwesende?|teilnehmer(?:innen)?|teilnehmende|pr[ée]sents?|presentes|asistentes|"
                 r"participantes|partecipanti|presenti|aanwezig(?:en)?|deelnemers")
# ... and of those not there: "Entschuldigt:", "Excusés :", "Afwezig:".
ABSENT_WORDS = r"entschuldigt|abwesend|excus[ée]s?|ausentes|assenti|afwezig"

# A label or heading of decisions: "Beschluss:", "Décision :", "Acuerdo:", "Besluit:".
DECISION_LABELS = (
    "beschluss", "beschlüsse", "entscheidung", "entscheidungen", "décision", "décisions", "decisión",
    "decisiones", "acuerdo", "acuerdos", "decisão", "decisões", "decisione", "decisioni", "besluit",
    "besluiten",
)
# A label of a task: "Aufgabe:", "Tâche :" (not "Tarea", which is also a name).
ACTION_LABELS = ("aufgabe", "aufgaben", "tâche", "tâches", "actiepunt", "actiepunten")
# A heading over the tasks: "## Aufgaben", "## Tareas".
ACTION_HEADINGS = ("aufgaben", "tâches", "tareas", "tarefas", "compiti", "actiepunten")
# The first letters of all of them, for labels.py's cheap first look at a heading.
HEADING_HINTS = ("beschl", "entscheid", "décision", "decis", "acuerdo", "besluit", "aufgabe", "tâche", "tarea",
                 "tarefa", "compit", "actiepunt")

# A decision taken, in a sentence: "Der Antrag wurde einstimmig angenommen", "Der Vorstand einigt sich
# auf …", "Il a été décidé", "Se acordó", "Foi decidido", "È stato deciso", "Er is besloten".
DECIDED = (
    r"einstimmig (?:angenommen|beschlossen)|(?:wurde|wird|werden|wurden) (?:einstimmig )?(?:angenommen|beschlossen)|"
    r"einig(?:t|en|ten)? sich (?:auf|darauf)|(?:als|im) konsens|"
    r"(?:il est|il a été|a été) (?:décidé|convenu|adopté|approuvé)e?s?|à l[’']unanimité|"
    r"se (?:decidió|acordó|aprobó)|(?:fue|queda|quedó) aprobad[oa]|por unanimidad|por unanimidade|"
    r"(?:foi|ficou) (?:decidido|aprovad[oa]|acordado)|(?:si è|è stato) (?:deciso|approvato)|all[’']unanimità|"
    r"(?:is|wordt|werd) (?:besloten|goedgekeurd|aangenomen)|unaniem"
)
# Every alternative of DECIDED has one of these.
DECIDED_HINTS = (
    "einstimm", "angenommen", "beschlossen", "einig", "konsens", "décidé", "convenu", "adopté", "approuvé",
    "à l'unanim", "à l’unanim", "se decid", "se acord", "se aprob", "aprobad", "unanimidad", "decidido",
    "aprovad", "acordado", "deciso", "approvato", "all'unanim", "all’unanim", "besloten", "goedgekeurd",
    "aangenomen", "unaniem",
)
# ... unless it says that nothing was decided ("Rien n'a été décidé", "No se acordó nada", "Niet
# unaniem"), that something was assumed ("Es wurde angenommen, dass …"), or only if ("… wird
# angenommen, falls niemand widerspricht", "… por unanimidad si hay quórum").
_DECIDED_WORDS = (r"(?:beschlossen|angenommen|einig|konsens|décidé|convenu|adopté|approuvé|unanimité|decidió|acordó|"
                  r"aprobó|aprobad|decidido|aprovad|acordado|deciso|approvato|unanimità|unanimidade?|besloten|"
                  r"goedgekeurd|aangenomen|unaniem)")
_IF = r"\b(?:falls|sobald|wenn|sofern|si|indien|zodra)\b"
UNDECIDED = (
    rf"\b(?:nicht|kein|keine|rien|pas|jamais|ne|n[’']|no|nada|nunca|não|non|nulla|niet|geen)\b[^.;]{{0,30}}{_DECIDED_WORDS}"
    rf"|\b(?:angenommen|aangenomen),?\s+(?:dass|dat)\b"
    rf"|{_IF}[^.;]{{0,40}}{_DECIDED_WORDS}|{_DECIDED_WORDS}[^.;]{{0,40}}{_IF}"
)
