"""Score the importer against the hand-labelled development set of other projects' minutes.

    .venv/bin/python bench/score_devset.py                 # tests/fixtures/devset, with labels
    .venv/bin/python bench/score_devset.py -v              # ... and what was missed, per file
    .venv/bin/python bench/score_devset.py --json OUT      # ... and every figure as JSON
    .venv/bin/python bench/score_devset.py --set tests/fixtures/holdout   # another labelled set
    .venv/bin/python bench/score_devset.py --corpus ../shared/corpus/svsm   # no labels: raw share

Each minutes file is imported the way a user would, with the command line, into a database of its
own (`svsm-meet --db TMP import FILE`, retried with `--date` from the labels only if the importer
cannot find a date itself), then read back with `followups --json --all` and `export json`.
The labels (FILE minus .md plus .labels.json, see tests/fixtures/devset/README.md) are the truth:

* round trip: `export markdown` gives back the file byte for byte (reported, not a goal here).
* raw share: raw items / all items of the document (children included); median over files.
* whole-file raw: a file whose items are one raw block, or one raw block holding >= 80% of it.
* attendees: per file, recall of the labelled names among the attendees marked present; a file
  "found" when recall >= 0.9.  Precision over all files: found names that match a labelled one.
  Names match case- and accent-insensitively, ignoring markdown, @ and parenthesised notes; a
  first name alone, or a handle written beside the name in the file, matches the full name.
* action items: a labelled item is found when a follow-up (any status, suggestions included) or
  an item of kind "action" contains its text (normalised: case, accents, markdown, whitespace).
  Owner right: the follow-up's owner matches the labelled owner (both none counts as right).
  Open/done precision: among found follow-ups whose status is open or done, the share equal to
  the labelled status ("suggested" is no status and is counted apart).
* decisions: found when an item of kind "decision" contains the labelled text.
* precision (no goal, reported): the open/done follow-ups, the suggestions and the decision items
  that contain some labelled text; the key labels what a careful reader would act on, so a
  suggestion outside it is not always wrong, but a low share is noise in the follow-ups list.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEVSET = ROOT / "tests" / "fixtures" / "devset"
CLI = [sys.executable, "-m", "svsm_meet"]
sys.path.insert(0, str(ROOT))
from svsm_meet.formats.labels import split_label, split_speaker  # noqa: E402
from svsm_meet.formats.markdown_in import normalize  # noqa: E402

GOALS = {
    "raw_median": ("median share of raw items", "<= 5%"),
    "attendee_files": ("files listing attendees where >= 90% are found", ">= 90%"),
    "attendee_precision": ("attendee precision", ">= 95%"),
    "action_recall": ("action-item recall", ">= 80%"),
    "owner_accuracy": ("owners right among found action items", ">= 80%"),
    "status_precision": ("open/done precision of found follow-ups", ">= 90%"),
    "decision_recall": ("decision recall", ">= 80%"),
    "whole_raw": ("files kept whole as one raw block", "0"),
}


# -- normalising ---------------------------------------------------------------------------------

def norm(text: str | None) -> str:
    """Lower case, no accents, no markdown emphasis/links/escapes, single spaces."""
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    text = re.sub(r"[*_`~\\]", "", text)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)  # [text](url) -> text
    text = text.replace("[", "").replace("]", "")
    # A sentence's closing stop is not part of what was said ("Jory to pick this up next week.").
    return " ".join(text.lower().split()).rstrip(" .;!")


def norm_name(name: str | None) -> str:
    name = re.sub(r"\([^)]*\)", " ", name or "")  # "(ORG)", "(@handle)"
    name = re.sub(r"<[^>]*>", " ", name)  # <email>
    name = norm(name).replace("@", "")
    name = re.sub(r"[:,;/-]+", " ", name)
    return " ".join(name.split())


def name_tokens(name: str) -> list[str]:
    return [t.strip(".") for t in norm_name(name).split() if t.strip(".")]


def names_match(label: str, found: str) -> bool:
    a, b = name_tokens(label), name_tokens(found)
    if not a or not b:
        return False
    if a == b:
        return True
    # "Thomas Watson" vs "Thomas Watson @watson": the labelled name starts the found one, or v.v.
    if b[: len(a)] == a or a[: len(b)] == b:
        return True
    # a handle alone: "@mhdawson" vs "Michael Dawson (@mhdawson)"
    if len(a) == 1 and a[0] in b or len(b) == 1 and b[0] in a:
        return True
    # a handle made of the name: "@lirantal" ~ "Liran Tal", "@kjin" ~ "Kelvin Jin"
    for x, y in ((a, b), (b, a)):
        if len(x) == 1 and len(y) > 1 and x[0] in ("".join(y), y[0][0] + "".join(y[1:])):
            return True
    # "Jeff L." vs "Jeff Lait": first names equal, the other's initial agrees
    if a[0] == b[0] and len(a) > 1 and len(b) > 1 and a[1][0] == b[1][0]:
        return True
    return False


def handles_of(name: str, text: str) -> list[str]:
    """The @handles written on the lines that name NAME ("Liran Tal (@lirantal)")."""
    out = []
    for line in text.splitlines():
        if name.casefold() in line.casefold():
            out += re.findall(r"@[A-Za-z0-9][\w.-]*", line)
    return [h.rstrip(".") for h in out if not h.startswith("@nodejs/")]


def initials_of(name: str, text: str) -> list[str]:
    """The initials written beside NAME in parentheses ("Martin Holmes (MH)", wrapped or not)."""
    return re.findall(rf"{re.escape(name)}[^()]{{0,40}}\(([A-Z]{{2,4}})\)", " ".join(text.split()))


def person_match(label: str, found: str, text: str) -> bool:
    """FOUND is the labelled person: by name, or by a handle or initials written beside the name."""
    return (names_match(label, found) or label in initials_of(found, text) or any(names_match(h, found) for h in handles_of(label, text))
            or label.startswith("@") and any(names_match(label, h) for h in handles_of(found, text)))


# -- running the importer ------------------------------------------------------------------------

def run(db: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([*CLI, "--db", str(db), *args], cwd=ROOT, capture_output=True, text=True)


def import_file(path: Path, date: str | None) -> dict:
    """The document (export json), the follow-ups and how the import went."""
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "devset.sqlite"
        done = run(db, "import", str(path))
        needed_date = False
        if done.returncode != 0 and date:
            needed_date = True
            done = run(db, "import", str(path), "--date", date)
        if done.returncode != 0:
            return {"error": (done.stderr or done.stdout).strip()}
        fups = json.loads(run(db, "followups", "--json", "--all").stdout or "[]")
        exported = run(db, "export", "json", "latest")
        doc = json.loads(exported.stdout) if exported.returncode == 0 else None
        if doc is None:
            return {"error": exported.stderr.strip()}
        md = subprocess.run([*CLI, "--db", str(db), "export", "markdown", "latest"], cwd=ROOT,
                            capture_output=True)
        # As the project promises: the same after normalizing line endings, BOM, trailing
        # whitespace and runs of blank lines (markdown_in.normalize).
        same = md.returncode == 0 and md.stdout.decode("utf-8") == normalize(
            path.read_bytes().decode("utf-8", errors="replace"))
        return {"doc": doc, "followups": fups, "needed_date": needed_date, "roundtrip": same}


def walk(items):
    for item in items:
        yield item
        yield from walk(item.get("children", []))


def all_items(doc: dict) -> list[dict]:
    out = list(walk(doc.get("preamble", [])))
    for section in doc.get("sections", []):
        out.extend(walk(section.get("items", [])))
    return out


def body(item: dict) -> str:
    return (item.get("label") or "") + item.get("text", "")


# -- scoring one file ----------------------------------------------------------------------------

def score_file(path: Path, labels: dict | None) -> dict:
    result = import_file(path, (labels or {}).get("date"))
    if "error" in result:
        return {"file": path, "error": result["error"]}
    doc, fups = result["doc"], result["followups"]
    items = all_items(doc)
    raw = [i for i in items if i["kind"] == "raw"]
    source = path.read_text(encoding="utf-8", errors="replace")
    size = len(source.strip())
    biggest_raw = max((len(i["text"].strip()) for i in raw), default=0)
    out = {
        "file": path,
        "needed_date": result["needed_date"],
        "roundtrip": result["roundtrip"],
        "date": doc["meeting"]["date"],
        "items": len(items),
        "raw": len(raw),
        "raw_share": len(raw) / len(items) if items else 1.0,
        "whole_raw": (len(items) == 1 and bool(raw)) or (size > 0 and biggest_raw >= 0.8 * size),
        "followups": len(fups),
        "decisions_found": sum(1 for i in items if i["kind"] == "decision"),
    }
    if labels is None:
        return out

    out["date_right"] = labels.get("date") is None or labels["date"] == out["date"]

    # attendees
    present = [a["name"] for a in doc.get("attendees", []) if a.get("present", True)]
    wanted = labels.get("attendees", [])
    hit = [w for w in wanted if any(person_match(w, f, source) for f in present)]
    good = [f for f in present if any(person_match(w, f, source) for w in wanted)]
    out.update(
        lists_attendees=bool(labels.get("lists_attendees")) and bool(wanted),
        att_wanted=len(wanted), att_hit=len(hit), att_found=len(present), att_good=len(good),
        att_recall=len(hit) / len(wanted) if wanted else None,
        att_missed=[w for w in wanted if w not in hit],
        att_wrong=[f for f in present if f not in good],
    )

    # action items
    actions = [i for i in items if i["kind"] == "action"]
    a_found = a_owner_ok = s_known = s_right = s_suggested = 0
    a_missed, owner_wrong, status_wrong = [], [], []
    for want in labels.get("action_items", []):
        needle = norm(want["text"])
        # A follow-up's text is the task without its label ("ACTION: add a link" is "add a link").
        unlabelled = norm(split_label(want["text"])[2])
        # ... or without its owner's label ("Kris Freedain: reach out to …" is Kris's "reach out to …").
        said = split_speaker(want["text"])
        unspoken = norm(want["text"][len(said[0]):]) if said else unlabelled
        fup = next((f for f in fups if needle in norm(f["text"]) or unlabelled in norm(f["text"])
                    or unspoken in norm(f["text"])), None)
        item = next((i for i in actions if needle in norm(body(i))), None)
        if fup is None and item is None:
            a_missed.append(want["text"])
            continue
        a_found += 1
        owner = fup["owner"] if fup else None
        if (want.get("owner") is None and owner is None) or (
                want.get("owner") and owner and person_match(want["owner"], owner, source)):
            a_owner_ok += 1
        else:
            owner_wrong.append(f"{want['text']!r}: {owner!r}, not {want.get('owner')!r}")
        status = fup["status"] if fup else None
        if status in ("open", "done"):
            s_known += 1
            if status == want.get("status", "open"):
                s_right += 1
            else:
                status_wrong.append(f"{want['text']!r}: {status}, not {want.get('status')}")
        elif status == "suggested":
            s_suggested += 1
    # precision: what the importer claims, against the key (a claim matches a labelled text in it)
    needles = [n for w in labels.get("action_items", [])
               for n in (norm(w["text"]), norm(split_label(w["text"])[2]))]
    claimed = [f for f in fups if f["status"] in ("open", "done")]
    suggested = [f for f in fups if f["status"] == "suggested"]
    out.update(claim_n=len(claimed), claim_ok=sum(1 for f in claimed if any(n in norm(f["text"]) for n in needles)),
               sugg_n=len(suggested), sugg_ok=sum(1 for f in suggested if any(n in norm(f["text"]) for n in needles)))
    out.update(act_wanted=len(labels.get("action_items", [])), act_found=a_found,
               act_owner_ok=a_owner_ok, st_known=s_known, st_right=s_right,
               st_suggested=s_suggested, act_missed=a_missed, owner_wrong=owner_wrong,
               status_wrong=status_wrong)

    # decisions
    decisions = [i for i in items if i["kind"] == "decision"]
    d_missed = [d["text"] for d in labels.get("decisions", [])
                if not any(norm(d["text"]) in norm(body(i)) for i in decisions)]
    dneedles = [norm(d["text"]) for d in labels.get("decisions", [])]
    unlabelled = [i for i in decisions if not any(n in norm(body(i)) for n in dneedles)]
    out.update(dec_n=len(decisions), dec_ok=len(decisions) - len(unlabelled),
               dec_extra=[" ".join(body(i).split())[:100] for i in unlabelled])
    out.update(dec_wanted=len(labels.get("decisions", [])),
               dec_found=len(labels.get("decisions", [])) - len(d_missed), dec_missed=d_missed)
    return out


# -- the whole set -------------------------------------------------------------------------------

def pct(num: float, den: float) -> str:
    return f"{100 * num / den:5.1f}%" if den else "  n/a "


def labels_of(path: Path) -> dict | None:
    lab = path.with_name(path.stem + ".labels.json")
    return json.loads(lab.read_text(encoding="utf-8")) if lab.exists() else None


def summarise(rows: list[dict], labelled: bool) -> dict:
    ok = [r for r in rows if "error" not in r]
    s = {
        "files": len(rows), "errors": len(rows) - len(ok),
        "raw_median": statistics.median(r["raw_share"] for r in ok) if ok else None,
        "whole_raw": sum(1 for r in ok if r["whole_raw"]),
        "needed_date": sum(1 for r in ok if r["needed_date"]),
        "roundtrip": sum(1 for r in ok if r["roundtrip"]),
    }
    if not labelled:
        s["followups"] = sum(r["followups"] for r in ok)
        return s
    s["date_right"] = sum(1 for r in ok if r["date_right"])
    listing = [r for r in ok if r.get("lists_attendees")]
    s["attendee_listing_files"] = len(listing)
    s["attendee_files_ok"] = sum(1 for r in listing if r["att_recall"] >= 0.9)
    s["attendee_files"] = s["attendee_files_ok"] / len(listing) if listing else None
    s["attendee_recall"] = (sum(r["att_hit"] for r in ok) / sum(r["att_wanted"] for r in ok)
                            if sum(r["att_wanted"] for r in ok) else None)
    found = sum(r["att_found"] for r in ok)
    s["attendee_precision"] = sum(r["att_good"] for r in ok) / found if found else None
    wanted = sum(r["act_wanted"] for r in ok)
    afound = sum(r["act_found"] for r in ok)
    s["action_wanted"], s["action_found"] = wanted, afound
    s["action_recall"] = afound / wanted if wanted else None
    s["owner_accuracy"] = sum(r["act_owner_ok"] for r in ok) / afound if afound else None
    known = sum(r["st_known"] for r in ok)
    s["status_known"], s["status_suggested"] = known, sum(r["st_suggested"] for r in ok)
    s["status_precision"] = sum(r["st_right"] for r in ok) / known if known else None
    dw = sum(r["dec_wanted"] for r in ok)
    s["decision_wanted"], s["decision_found"] = dw, sum(r["dec_found"] for r in ok)
    s["decision_recall"] = s["decision_found"] / dw if dw else None
    for key, n, good in (("task_precision", "claim_n", "claim_ok"), ("suggestion_precision", "sugg_n", "sugg_ok"),
                         ("decision_precision", "dec_n", "dec_ok")):
        total = sum(r[n] for r in ok)
        s[key] = sum(r[good] for r in ok) / total if total else None
        s[key + "_of"] = total
    return s


def fmt(value, kind="pct") -> str:
    if value is None:
        return "n/a"
    return f"{100 * value:.1f}%" if kind == "pct" else str(value)


def report(rows: list[dict], s: dict, labelled: bool, verbose: bool, base: Path) -> None:
    print(f"{'file':<44} {'items':>5} {'raw':>6}" + (
        f" {'att':>9} {'actions':>8} {'owners':>6} {'o/d':>5} {'decis':>7}" if labelled else
        f" {'fups':>5}"))
    for r in rows:
        name = str(r["file"].relative_to(base))[:44]
        if "error" in r:
            print(f"{name:<44} ERROR {r['error'][:70]}")
            continue
        line = f"{name:<44} {r['items']:>5} {pct(r['raw'], r['items']):>6}"
        if labelled:
            att = (f"{r['att_hit']}/{r['att_wanted']}" if r["lists_attendees"] else "-")
            line += (f" {att:>9} {r['act_found']:>3}/{r['act_wanted']:<4} {r['act_owner_ok']:>6}"
                     f" {r['st_right']}/{r['st_known']:<3} {r['dec_found']:>3}/{r['dec_wanted']:<3}")
        else:
            line += f" {r['followups']:>5}"
        if r["whole_raw"]:
            line += "  WHOLE FILE RAW"
        if r["needed_date"]:
            line += "  (--date needed)"
        if labelled and not r["date_right"]:
            line += f"  (date {r['date']})"
        if not r["roundtrip"]:
            line += "  (not byte for byte)"
        print(line)
        if verbose and labelled:
            for key, what in (("att_missed", "attendee missed"), ("att_wrong", "not an attendee"),
                              ("act_missed", "action missed"), ("owner_wrong", "owner wrong"),
                              ("status_wrong", "status wrong"), ("dec_missed", "decision missed"),
                              ("dec_extra", "decision not in the key")):
                for x in r.get(key, []):
                    print(f"      {what}: {x}")
    print()
    print(f"files: {s['files']} ({s['errors']} failed to import, "
          f"{s['needed_date']} needed --date, {s['roundtrip']} exported back byte for byte)")
    figures = [("raw_median", fmt(s["raw_median"])), ("whole_raw", fmt(s["whole_raw"], "n"))]
    if labelled:
        figures.append(("meeting date right (no goal)", f"{s['date_right']}/{s['files'] - s['errors']}"))
    if labelled:
        figures += [
            ("attendee_files", f"{fmt(s['attendee_files'])} ({s['attendee_files_ok']}/"
             f"{s['attendee_listing_files']} files; name recall {fmt(s['attendee_recall'])})"),
            ("attendee_precision", fmt(s["attendee_precision"])),
            ("action_recall", f"{fmt(s['action_recall'])} ({s['action_found']}/{s['action_wanted']})"),
            ("owner_accuracy", fmt(s["owner_accuracy"])),
            ("status_precision", f"{fmt(s['status_precision'])} ({s['status_known']} with open/done;"
             f" {s['status_suggested']} found only as suggestions)"),
            ("decision_recall", f"{fmt(s['decision_recall'])} ({s['decision_found']}/"
             f"{s['decision_wanted']})"),
            ("open/done follow-ups that are labelled tasks (no goal)",
             f"{fmt(s['task_precision'])} of {s['task_precision_of']}"),
            ("suggestions that are labelled tasks (no goal)",
             f"{fmt(s['suggestion_precision'])} of {s['suggestion_precision_of']}"),
            ("decisions that are labelled decisions (no goal)",
             f"{fmt(s['decision_precision'])} of {s['decision_precision_of']}"),
        ]
    else:
        figures.append(("followups", str(s["followups"])))
    for key, value in figures:
        label, goal = GOALS.get(key, (key, ""))
        print(f"  {label:<48} {value:<40} goal {goal}" if goal else f"  {label:<48} {value}")


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--corpus", type=Path, help="a folder of minutes without labels (raw share only)")
    p.add_argument("--set", type=Path, dest="labelled_set",
                   help="a labelled folder to score instead of tests/fixtures/devset"
                        " (e.g. tests/fixtures/holdout)")
    p.add_argument("-v", "--verbose", action="store_true", help="list what was missed, per file")
    p.add_argument("--json", type=Path, help="write every figure to this file")
    args = p.parse_args(argv)
    if args.corpus and args.labelled_set:
        p.error("--corpus and --set exclude each other")
    base = (args.corpus or args.labelled_set or DEVSET).resolve()
    files = sorted(f for f in base.rglob("*.md") if f.name not in ("README.md", "SOURCES.md"))
    labelled = args.corpus is None
    rows = [score_file(f, labels_of(f) if labelled else None) for f in files]
    if labelled:
        missing = [r["file"] for r in rows if "error" not in r and "att_wanted" not in r]
        if missing:
            print(f"no labels for: {', '.join(str(m) for m in missing)}", file=sys.stderr)
            return 2
    s = summarise(rows, labelled)
    report(rows, s, labelled, args.verbose, base)
    if args.json:
        args.json.write_text(json.dumps(
            {"summary": s, "files": [{k: (str(v) if isinstance(v, Path) else v)
                                      for k, v in r.items()} for r in rows]}, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
