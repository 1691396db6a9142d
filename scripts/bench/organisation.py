"""Writes WORKDIR/people.csv and WORKDIR/accounts.csv for the benchmarks: MANAGERS account
managers in teams of twenty under their leads, each with one account and five customer reviewers.

Usage: organisation.py WORKDIR MANAGERS"""
import sys

work, managers = sys.argv[1], int(sys.argv[2])
people = ["name,email,job_title,hire_date,organisation,location,country,team,supervisor_email"]
accounts = ["account,customer,account_manager_email,team_member_emails,reviewer_emails"]
for lead in range(managers // 20):
    people.append(f"Bench Lead {lead},lead{lead}@bench.example,Team Lead,2015-01-05,,City {lead % 25},Country,Bench {lead},")
for am in range(managers):
    people.append(f"Bench Person {am},am{am}@bench.example,Account Manager,2021-03-01,,City {am % 25},Country,"
                  f"Bench {am // 20},lead{am // 20}@bench.example")
    reviewers = [f"c{am}x{n}@client.example" for n in range(5)]
    for n, email in enumerate(reviewers):
        people.append(f"Client {am} Reviewer {n},{email},Mobility Manager,2018-01-01,Client {am},,,,")
    accounts.append(f"Bench account {am},Client {am},am{am}@bench.example,,{';'.join(reviewers)}")
open(f"{work}/people.csv", "w").write("\n".join(people) + "\n")
open(f"{work}/accounts.csv", "w").write("\n".join(accounts) + "\n")
