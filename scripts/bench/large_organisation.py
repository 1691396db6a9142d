"""Fills a large organisation's years of results into an Acumen database, for the dashboard
benchmark (scripts/bench-large-organisation.sh).

The people, accounts and cycles come in through Acumen itself (import files written by
`people`, cycles created through the API); this script then writes what raters would have
submitted, straight into the tables, because submitting ten million ratings through the API
would take hours: per account manager and cycle a self rating, a supervisor rating and three
peers (16 competencies each), and for three in five of them one customer questionnaire; then it
leaves the cycles open (to be closed through Acumen) and records a year of completions.

    python3 large_organisation.py people WORKDIR MANAGERS
    python3 large_organisation.py fill sqlite PATH | postgres URL
"""
import csv
import io
import random
import sqlite3
import subprocess
import sys
import uuid

CUSTOMERS = 2000
SCALE = ["never", "rarely", "sometimes", "often", "always", "dontKnow"]


def people(workdir, managers):
    leads = managers // 10
    with open(f"{workdir}/people.csv", "w", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(["name", "email", "job_title", "hire_date", "organisation", "location", "country", "team",
                      "supervisor_email"])
        for lead in range(leads):
            out.writerow([f"Large Lead {lead}", f"lead{lead}@large.example", "Team Lead", "2012-01-09", "",
                          f"City {lead % 60}", "Country", f"Large team {lead}", ""])
        for am in range(managers):
            # Every 37th person reports to the next team's lead: teams and lines differ a little.
            lead = (am // 10 + (1 if am % 37 == 0 else 0)) % leads
            year = 2008 + (am * 7) % 18
            out.writerow([f"Large Person {am}", f"am{am}@large.example", "Account Manager", f"{year}-03-01", "",
                          f"City {(am * 13) % 60}", "Country", f"Large team {am // 10}", f"lead{lead}@large.example"])
        for customer in range(CUSTOMERS):
            out.writerow([f"Large Reviewer {customer}", f"r{customer}@customer{customer}.example", "Mobility Manager",
                          "2015-01-01", f"Large customer {customer}", "", "", "", ""])
    with open(f"{workdir}/accounts.csv", "w", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(["account", "customer", "account_manager_email", "team_member_emails", "reviewer_emails"])
        for am in range(managers):
            customer = (am * 17) % CUSTOMERS
            out.writerow([f"Large account {am}", f"Large customer {customer}", f"am{am}@large.example", "",
                          f"r{customer}@customer{customer}.example"])


class SQLite:
    def __init__(self, path):
        self.connection = sqlite3.connect(path)
        self.connection.execute("PRAGMA journal_mode=WAL")
        self.connection.execute("PRAGMA synchronous=OFF")

    def query(self, sql):
        return self.connection.execute(sql).fetchall()

    def write(self, table, columns, rows):
        marks = ",".join("?" for _ in columns)
        self.connection.executemany(f"INSERT INTO {table} ({','.join(columns)}) VALUES ({marks})", rows)

    def execute(self, sql):
        self.connection.execute(sql)

    def commit(self):
        self.connection.commit()

    def uuid(self):
        return str(uuid.uuid4()).upper()


class Postgres:
    def __init__(self, url):
        self.url = url

    def query(self, sql):
        out = subprocess.run(["psql", self.url, "-AtF", "\t", "-c", sql], check=True, capture_output=True, text=True)
        return [tuple(line.split("\t")) for line in out.stdout.splitlines() if line]

    def write(self, table, columns, rows):
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        for row in rows:
            writer.writerow(["\\N" if value is None else value for value in row])
        subprocess.run(["psql", self.url, "-c",
                        f"\\copy {table} ({','.join(columns)}) FROM STDIN WITH (FORMAT csv, NULL '\\N')"],
                       input=buffer.getvalue(), check=True, capture_output=True, text=True)

    def execute(self, sql):
        subprocess.run(["psql", self.url, "-c", sql], check=True, capture_output=True, text=True)

    def commit(self):
        pass

    def uuid(self):
        return str(uuid.uuid4())


def fill(database):
    random.seed(19)
    boolean_false = 0 if isinstance(database, SQLite) else "false"
    cycles = database.query("SELECT id, closes_on FROM assessment_cycles WHERE name LIKE 'Large year %' ORDER BY closes_on")
    people = {row[0]: row[1] for row in database.query(
        "SELECT id, supervisor_id FROM people WHERE email LIKE 'am%@large.example'")}
    colleagues = sorted(people)
    accounts = {row[0]: (row[1], row[2]) for row in database.query(
        "SELECT a.account_manager_id, a.id, m.person_id FROM accounts a JOIN account_members m ON m.account_id = a.id "
        "WHERE m.kind = 'reviewer' AND a.name LIKE 'Large account %'")}
    offerings = [row[0] for row in database.query("SELECT id FROM offerings")]
    ratings_written = answers_written = 0
    for cycle, closes_on in cycles:
        questions = database.query(f"SELECT code, competency_code FROM cycle_questions WHERE cycle_id = '{cycle}'")
        competencies = sorted({question[1] for question in questions})
        subjects = [row[0] for row in database.query(f"SELECT person_id FROM cycle_subjects WHERE cycle_id = '{cycle}'")]
        responses, ratings, answers = [], [], []

        def flush():
            nonlocal responses, ratings, answers
            database.write("responses", ["id", "cycle_id", "subject_id", "source", "account_id", "rater_person_id",
                                         "status", "submitted_on", "rater_key", "rater_calibrated"], responses)
            database.write("response_ratings", ["response_id", "competency_code", "observed", "level", "derived_level",
                                                "override_reason", "not_observed", "comment"], ratings)
            database.write("response_answers", ["response_id", "question_code", "answer", "comment"], answers)
            database.commit()
            responses, ratings, answers = [], [], []

        for number, subject in enumerate(subjects):
            base = {code: random.randint(0, 2) for code in competencies}
            raters = [("self", subject), ("supervisor", people.get(subject))] + [
                ("peer", colleagues[(number * 7 + offset * 131) % len(colleagues)]) for offset in range(1, 4)]
            for source, rater in raters:
                response = database.uuid()
                responses.append((response, cycle, subject, source, None, rater, "submitted", closes_on,
                                  f"large|{response}", None if source == "self" else boolean_false))
                for code in competencies:
                    level = min(2, max(0, base[code] + random.choice((-1, 0, 0, 0, 1))))
                    ratings.append((response, code, "", level, level, "", boolean_false, ""))
            if number % 5 < 3 and subject in accounts:
                account, reviewer = accounts[subject]
                response = database.uuid()
                responses.append((response, cycle, subject, "customer", account, reviewer, "submitted", closes_on,
                                  f"large|{response}", None))
                for code, competency in questions:
                    answer = SCALE[min(5, max(0, base[competency] + 2 + random.choice((-1, 0, 0, 1))))]
                    answers.append((response, code, answer, ""))
            if len(ratings) > 200_000:
                ratings_written += len(ratings)
                answers_written += len(answers)
                flush()
        ratings_written += len(ratings)
        answers_written += len(answers)
        flush()
        # Left open: the benchmark closes and releases each cycle through Acumen, as staff would.
        database.execute(f"UPDATE assessment_cycles SET status = 'open' WHERE id = '{cycle}'")
        database.commit()
        print(f"cycle closing {closes_on}: {len(subjects)} account managers", flush=True)
    last = cycles[-1][1]
    completions = []
    for number, person in enumerate(colleagues):
        for taken in range(number % 4):
            day = f"{int(last[:4]) - (taken % 2)}-{1 + (number + taken) % 12:02d}-{1 + taken * 7:02d}"
            completions.append((database.uuid(), person, offerings[(number + taken * 11) % len(offerings)], day,
                                "LMS", "2026-01-01T00:00:00Z"))
    database.write("learning_completions", ["id", "person_id", "offering_id", "completed_on", "source", "recorded_at"],
                   completions)
    database.commit()
    print(f"{ratings_written:,} ratings, {answers_written:,} customer answers, {len(completions):,} completions")


if __name__ == "__main__":
    if sys.argv[1] == "people":
        people(sys.argv[2], int(sys.argv[3]))
    elif sys.argv[2] == "sqlite":
        fill(SQLite(sys.argv[3]))
    else:
        fill(Postgres(sys.argv[3]))
