#!/usr/bin/env python3
# Reads the PostgreSQL log written while one request ran (log_min_duration_statement = 0) and writes the
# statements Concord sent as a pgbench script, parameter values inlined. Prints "statements discards".
# The log lines carry the database and application (log_line_prefix '%m [%p] db=%d app=%a '): other databases'
# work and pgbench's are left out.
#   capture.py LOG OFFSET OUT.sql DATABASE
import re, sys

log, offset, out, database = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
with open(log, encoding="utf-8", errors="replace") as f:
    f.seek(offset)
    text = f.read()

entry = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d+ \S+ \[\d+\] (?:db=\S* app=\S* )?", re.M)
ours = "db=" + database + " "
starts = [m.start() for m in entry.finditer(text)] + [len(text)]
entries = [text[a:b] for a, b in zip(starts, starts[1:])]
statements, discards, pending = [], 0, None

def flush():
    global pending
    if pending is not None:
        statements.append(pending)
    pending = None

for e in entries:
    head = e.split("\n", 1)[0]
    if ours not in head or " app=pgbench " in head:
        continue
    body = entry.sub("", e, count=1).rstrip("\n")
    # A prepared statement is logged as parse and bind, then execute, each followed by its parameters: only the
    # execute entry is the statement run, and the parameters after a bind are not the previous statement's.
    if re.match(r"LOG:\s+duration: [\d.]+ ms\s+(parse|bind) [^:]*:", body):
        flush()
        continue
    m = re.match(r"LOG:\s+duration: [\d.]+ ms\s+(execute [^:]+|statement): (.*)", body, re.S)
    if m:
        flush()
        sql = m.group(2).strip()
        if sql.upper().startswith("DISCARD ALL"):
            discards += 1
            continue
        # The settings bench/load.sh makes, and the job queue's poll that may fall into the window.
        if sql.startswith("SELECT pg_reload_conf") or sql.startswith("ALTER SYSTEM") or '"Jobs"' in sql:
            continue
        pending = [sql, {}]
        continue
    d = re.match(r"DETAIL:\s+parameters: (.*)", body, re.S | re.I)
    if d and pending is not None:
        for p in re.finditer(r"\$(\d+) = (NULL|'(?:[^']|'')*')", d.group(1), re.S):
            pending[1][int(p.group(1))] = p.group(2)
flush()

# Settings made with SET LOCAL or set_config(..., true) (search) only hold inside a transaction, so the
# statements run as one, as Concord's do; the transaction's own BEGIN and COMMIT are counted, not replayed.
transaction = any(sql.startswith("SET LOCAL") or "set_config(" in sql for sql, _ in statements)
ends = ("BEGIN", "COMMIT", "ROLLBACK")
with open(out, "w", encoding="utf-8") as f:
    if transaction:
        f.write("BEGIN;\n")
    for sql, params in statements:
        if sql.strip().upper().startswith(ends):
            continue
        for n in sorted(params, reverse=True):
            sql = re.sub(r"\$%d(?!\d)" % n, lambda _: params[n], sql)
        f.write(sql.rstrip().rstrip(";") + ";\n")
    if transaction:
        f.write("COMMIT;\n")
print(len(statements), discards)
