#!/usr/bin/python3
"""deploy/rabbitmq/compose/render-definitions on the real template (run with /usr/bin/python3 REPO_ROOT).

Fails unless: the rendered file is JSON; every user's password_hash verifies (rabbit_password_hashing_sha256:
base64(salt ++ sha256(salt ++ password))) against the admin or the service password, each with its
own salt; there is no guest user; every broker user compose and k8s hand to a service exists with
permissions on vhost saga; the file is not world-readable; a template with an unknown placeholder,
or a missing password variable, makes the script fail and leaves no output.
"""
import base64
import hashlib
import json
import os
import re
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

from common import SERVICE_NAMES, Report, load_yaml

repo = Path(sys.argv[1]).resolve()
script = repo / "deploy/rabbitmq/compose/render-definitions"
template = repo / "deploy/rabbitmq/definitions.template.json"
r = Report("rabbitmq-definitions")
ADMIN, SERVICE = "admin-pw", "svc pw/with+odd&chars\\"


def render(template_path, output, **env):
    base = {"PATH": "/usr/bin:/bin"}
    base.update(env)
    return subprocess.run(["/bin/bash", str(script), str(template_path), str(output)], env=base,
                          capture_output=True, text=True)


def verifies(password_hash, password):
    raw = base64.b64decode(password_hash)
    return len(raw) == 36 and hashlib.sha256(raw[:4] + password.encode()).digest() == raw[4:]


with tempfile.TemporaryDirectory() as tmp:
    out = Path(tmp) / "definitions.json"
    run = render(template, out, RABBITMQ_ADMIN_PASSWORD=ADMIN, RABBITMQ_SERVICE_PASSWORD=SERVICE)
    if r.check(run.returncode == 0, f"render-definitions failed: {run.stderr}"):
        r.check(stat.S_IMODE(out.stat().st_mode) & 0o077 == 0, "rendered definitions are readable by others")
        defs = json.loads(out.read_text())
        users = {u["name"]: u for u in defs.get("users", [])}
        r.check("guest" not in users, "definitions create the guest user")
        r.check(verifies(users.get("admin", {}).get("password_hash", ""), ADMIN), "admin's hash does not verify")
        salts = set()
        for name, u in users.items():
            if name != "admin":
                r.check(verifies(u.get("password_hash", ""), SERVICE), f"{name}'s hash does not verify")
            salts.add(base64.b64decode(u["password_hash"])[:4])
        r.check(len(salts) == len(users), "users share a salt")
        perms = {(p["user"], p["vhost"]) for p in defs.get("permissions", [])}
        compose = load_yaml(repo / "docker-compose.yml")["services"]
        for svc in SERVICE_NAMES:
            url = compose[svc]["environment"]["AMQP_URL"]
            m = re.match(r"amqp://([^:]+):", url)
            user = m.group(1) if m else None
            r.check(user in users and (user, "saga") in perms, f"{svc}: broker user {user} has no permissions on saga")
        r.check(("admin", "saga") in perms, "admin has no permissions on saga")
        r.check(any(v.get("name") == "saga" for v in defs.get("vhosts", [])), "no vhost saga")

    bad = Path(tmp) / "bad.template.json"
    bad.write_text(template.read_text().replace('"rabbitmq_version"', '"x": "@OTHER_HASH@", "rabbitmq_version"'))
    out2 = Path(tmp) / "bad.json"
    run = render(bad, out2, RABBITMQ_ADMIN_PASSWORD=ADMIN, RABBITMQ_SERVICE_PASSWORD=SERVICE)
    r.check(run.returncode != 0 and "@OTHER_HASH@" in run.stderr and not out2.exists(),
            f"an unknown placeholder must fail and leave no file (rc {run.returncode}, {run.stderr!r})")
    run = render(template, out2, RABBITMQ_ADMIN_PASSWORD=ADMIN)
    r.check(run.returncode != 0 and "RABBITMQ_SERVICE_PASSWORD" in run.stderr and not out2.exists(),
            f"a missing RABBITMQ_SERVICE_PASSWORD must fail naming it (rc {run.returncode}, {run.stderr!r})")
    leftovers = [p.name for p in Path(tmp).iterdir() if p.name.startswith(".definitions")]
    r.check(not leftovers, f"temporary files left behind: {leftovers}")

r.finish()
