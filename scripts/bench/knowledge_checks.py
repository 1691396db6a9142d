"""Fills a knowledge check with 10,000 submitted attempts of 60 questions into an Acumen SQLite
database, for scripts/bench-knowledge-checks.sh. The questions and the check come in as rows of
the bank; the attempts are written straight into the tables, as submitted attempts would be
kept, because taking 10,000 checks through the pages would take hours. Each person's chance of a
right answer rises with their ability and falls with the question's difficulty.

    python3 knowledge_checks.py PATH  (prints the check's id)
"""
import json
import math
import random
import sqlite3
import sys
import uuid

ATTEMPTS, QUESTIONS = 10_000, 60


def main(path):
    rng = random.Random(20)
    db = sqlite3.connect(path)
    people = [row[0] for row in db.execute("SELECT id FROM people ORDER BY id")]
    questions = []
    for number in range(QUESTIONS):
        qid = str(uuid.UUID(int=rng.getrandbits(128), version=4)).upper()
        details = {"options": [{"key": k, "text": f"Option {k}", "isCorrect": k == "a"} for k in "abcd"],
                   "rubric": [], "tolerance": 0}
        db.execute(
            "INSERT INTO bank_questions (id, version, competency_code, level, kind, prompt, explanation, details,"
            " is_latest, is_retired, created_at) VALUES (?, 1, ?, 0, 'singleChoice', ?, 'Because.', ?, 1, 0,"
            " '2026-12-03T00:00:00Z')",
            (qid, f"KE.{number % 5 + 1}", f"Benchmark question {number + 1}?", json.dumps(details)))
        questions.append((qid, rng.uniform(-2, 2)))
    check = str(uuid.uuid4()).upper()
    db.execute(
        "INSERT INTO knowledge_checks (id, offering_id, title, is_verbal, selection, time_limit_minutes, pass_mark,"
        " allowed_attempts, shuffles_options, created_at) VALUES (?, NULL, 'Benchmark check', 0, ?, NULL, 0.7, NULL,"
        " 1, '2026-12-03T00:00:00Z')",
        (check, json.dumps({"fixed": [q for q, _ in questions]})))
    taken = {}
    attempts, rows = [], []
    for index in range(ATTEMPTS):
        person = people[index % len(people)]
        taken[person] = taken.get(person, 0) + 1
        attempt = str(uuid.UUID(int=rng.getrandbits(128), version=4)).upper()
        ability = rng.uniform(-3, 3)
        total = 0
        marks = []
        for position, (qid, hardness) in enumerate(questions):
            right = rng.random() < 1 / (1 + math.exp(hardness - ability))
            total += right
            chosen = "a" if right else rng.choice("bcd")
            rows.append((attempt, position, qid, "a|b|c|d", chosen, 1.0 if right else 0.0))
            # Folded as Acumen keeps them at submission: fields by the unit separator, questions by the record separator.
            marks.append("\x1f".join([str(position), qid.lower(), "1", chosen, "1.0" if right else "0.0"]))
        score = total / QUESTIONS
        moment = 1_780_000_000 + index * 60
        attempts.append((attempt, check, person, taken[person], moment - 900, moment, score, score >= 0.7,
                         "\x1e".join(marks)))
    db.executemany(
        "INSERT INTO check_attempts (id, check_id, person_id, number, started_at, submitted_at, score, passed,"
        " assessor_user_id, notes, marks) VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, '', ?)", attempts)
    db.executemany(
        "INSERT INTO attempt_questions (attempt_id, position, question_id, question_version, option_order, chosen,"
        " score, rubric_step) VALUES (?, ?, ?, 1, ?, ?, ?, NULL)", rows)
    db.commit()
    print(check.lower())


if __name__ == "__main__":
    main(sys.argv[1])
