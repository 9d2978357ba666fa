"""Writes the notes export and scores extraction against classify; used by tools/notes/agreement."""
import csv, json, os, sys
from collections import defaultdict

EVENT_TYPE = {}  # sub-event type -> event type, read from the gold records themselves


def gold_notes(corpus, splits):
    wanted = set(splits.split(","))
    split_of = {}
    with open(os.path.join(corpus, "splits.tsv")) as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) == 2:
                split_of[parts[0]] = parts[1]
    notes = []
    gold_dir = os.path.join(corpus, "gold")
    for name in sorted(os.listdir(gold_dir)):
        item = name.rsplit(".", 1)[0]
        if split_of.get(item) not in wanted:
            continue
        with open(os.path.join(gold_dir, name)) as f:
            for n, line in enumerate(f):
                if not line.strip():
                    continue
                r = json.loads(line)
                EVENT_TYPE[r["sub_event_type"]] = r["event_type"]
                if r.get("notes", "").strip():
                    notes.append((f"{item}#{n}", r))
    return notes


def split(corpus, train_splits, test_splits, work):
    train = gold_notes(corpus, train_splits)
    test = gold_notes(corpus, test_splits)
    with open(os.path.join(work, "train.csv"), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["event_date", "sub_event_type", "country", "notes"])
        for _, r in train:
            w.writerow([r["event_date"], r["sub_event_type"], r["country"], r["notes"]])
    with open(os.path.join(work, "test-labelled.jsonl"), "w") as lab, \
         open(os.path.join(work, "test-articles.jsonl"), "w") as art, \
         open(os.path.join(work, "test-gold.jsonl"), "w") as gold:
        for note_id, r in test:
            lab.write(json.dumps({"text": r["notes"], "label": r["sub_event_type"]}) + "\n")
            art.write(json.dumps({"id": note_id, "text": r["notes"], "published": r["event_date"]}) + "\n")
            gold.write(json.dumps({"id": note_id, "sub_event_type": r["sub_event_type"], "event_type": r["event_type"]}) + "\n")
    json.dump(EVENT_TYPE, open(os.path.join(work, "event-types.json"), "w"))
    print(f"notes: {len(train)} to train on ({train_splits}), {len(test)} to code ({test_splits})")


def score(work):
    event_type = json.load(open(os.path.join(work, "event-types.json")))
    gold = [json.loads(l) for l in open(os.path.join(work, "test-gold.jsonl"))]
    # classify prints one line per input: FILE:LINE, predicted class, probability, ...; take the predicted class.
    predicted = {}
    for line in open(os.path.join(work, "classify.txt")):
        parts = line.rstrip("\n").split("\t")
        where = parts[0].rsplit(":", 1)
        if len(parts) >= 2 and len(where) == 2 and where[1].isdigit():
            predicted[int(where[1])] = parts[1]
    records = defaultdict(list)
    for line in open(os.path.join(work, "extract.jsonl")):
        r = json.loads(line)
        records[r["article_id"]].append(r)
    n = len(gold)
    cls_right = sum(1 for i, g in enumerate(gold, 1) if predicted.get(i) == g["sub_event_type"])
    with_record = [g for g in gold if records.get(g["id"])]
    sub_right = [g for g in with_record if any(r["sub_event_type"] == g["sub_event_type"] for r in records[g["id"]])]
    type_right = [g for g in with_record if any(event_type.get(r["sub_event_type"], r["event_type"]) == g["event_type"] for r in records[g["id"]])]
    cls_on_with = sum(1 for i, g in enumerate(gold, 1) if records.get(g["id"]) and predicted.get(i) == g["sub_event_type"])
    print(f"classify alone: sub-event accuracy {cls_right / n:.3f} ({cls_right}/{n})")
    print(f"extract: a record for {len(with_record)}/{n} notes ({len(with_record) / n:.3f})")
    print(f"extract over all notes: sub-event {len(sub_right) / n:.3f}, event type {len(type_right) / n:.3f}")
    if with_record:
        m = len(with_record)
        print(f"on the {m} notes with a record: extract sub-event {len(sub_right) / m:.3f}, event type {len(type_right) / m:.3f}; classify {cls_on_with / m:.3f}")


if __name__ == "__main__":
    if sys.argv[1] == "split":
        split(*sys.argv[2:6])
    else:
        score(sys.argv[2])
