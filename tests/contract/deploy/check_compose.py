#!/usr/bin/python3
"""docker-compose.yml against the repository and SPEC §1 (run with /usr/bin/python3 REPO_ROOT).

Fails unless: every bind-mounted source, build context and Dockerfile exists and every build target
is a stage of the Dockerfile; every environment variable a service or sagactl gets is one its sources
read; ports are SPEC's and published on 127.0.0.1 only; services have healthchecks, restart policies
and depend on healthy postgres and rabbitmq; named volumes are declared; AMQP users, vhost and
database names match the broker definitions and the postgres init script; the Dockerfile's build
stage installs exactly the "build" group of deploy/local/lib/install-deps.sh.
"""
import re
import sys
from pathlib import Path

from common import (SERVICES, SERVICE_NAMES, Report, dockerfile_targets, env_is_read, env_names_in_sources,
                    load_yaml, source_dirs)

repo = Path(sys.argv[1]).resolve()
r = Report("compose")
compose = load_yaml(repo / "docker-compose.yml")
services = compose.get("services", {})


def interpolate(value):
    """${VAR:-default} / ${VAR-default} → default, ${VAR} → '' (a clean environment, as in the test)."""
    return re.sub(r"\$\{[A-Za-z_][A-Za-z0-9_]*(?::?-([^}]*))?\}", lambda m: m.group(1) or "", str(value))


expected = set(SERVICE_NAMES) | {"console", "sagactl", "rabbitmq", "postgres", "prometheus", "grafana"}
r.check(set(services) == expected, f"services are {sorted(services)}, expected {sorted(expected)}")

# Files and build targets.
declared_volumes = set((compose.get("volumes") or {}).keys())
for name, svc in services.items():
    for v in svc.get("volumes", []):
        source = v.split(":")[0] if isinstance(v, str) else v.get("source")
        if source.startswith((".", "/")):
            r.check((repo / source).exists(), f"{name}: bind source {source} does not exist")
        else:
            r.check(source in declared_volumes, f"{name}: named volume {source} not declared under volumes:")
    build = svc.get("build")
    if build:
        context = repo / build.get("context", ".")
        dockerfile = context / build.get("dockerfile", "Dockerfile")
        if r.check(dockerfile.is_file(), f"{name}: Dockerfile {dockerfile} does not exist"):
            targets = dockerfile_targets(dockerfile)
            r.check(build.get("target") in targets, f"{name}: build target {build.get('target')} not in {targets}")
            r.check(build.get("target") == name, f"{name}: built from target {build.get('target')}, expected {name}")
        image = svc.get("image", "")
        r.check(image.split("/")[-1].split(":")[0] == name, f"{name}: image {image} is not named after its target")
    entry = svc.get("entrypoint") or []
    for part in entry if isinstance(entry, list) else []:
        if part.startswith("/opt/saga/"):
            mounted = [v.split(":")[1] for v in svc.get("volumes", []) if isinstance(v, str)]
            r.check(part in mounted, f"{name}: entrypoint {part} is not a mounted file")

# Environment: only what the binaries read.
for name in SERVICE_NAMES + ["console", "sagactl"]:
    svc = services.get(name, {})
    env = svc.get("environment") or {}
    r.check(isinstance(env, dict), f"{name}: environment must be a mapping")
    dirs = source_dirs(repo, name)
    if not r.check(all(d.is_dir() for d in dirs), f"{name}: sources {[str(d) for d in dirs]} not found"):
        continue
    literals = env_names_in_sources(dirs)
    for var in env:
        r.check(env_is_read(var, literals), f"{name}: environment variable {var} is read nowhere in {[str(d.relative_to(repo)) for d in dirs]}")

# Ports (SPEC §1), healthchecks, restart, dependencies.
published = {}
for name, svc in services.items():
    for p in svc.get("ports", []):
        parts = str(p).split(":")
        if not r.check(len(parts) == 3 and parts[0] == "127.0.0.1", f"{name}: port {p} is not published on 127.0.0.1 only"):
            continue
        published.setdefault(name, set()).add((int(parts[1]), int(parts[2].split("/")[0])))
want = {n: {(SERVICES[n.removesuffix('-service')],) * 2} for n in SERVICE_NAMES}
want.update({"console": {(8080, 8080)}, "rabbitmq": {(5672, 5672), (15672, 15672)}, "postgres": {(5432, 5432)},
             "prometheus": {(9090, 9090)}, "grafana": {(3000, 3000)}})
for name, ports in want.items():
    r.check(published.get(name) == ports, f"{name}: publishes {published.get(name)}, expected {ports}")
r.check("sagactl" not in published, "sagactl must not publish ports")

for name in SERVICE_NAMES:
    svc = services[name]
    env = svc.get("environment", {})
    short = name.removesuffix("-service")
    r.check(str(env.get("HTTP_PORT")) == str(SERVICES[short]), f"{name}: HTTP_PORT {env.get('HTTP_PORT')}")
    r.check(env.get("HTTP_BIND") == "0.0.0.0", f"{name}: HTTP_BIND must be 0.0.0.0 inside the container")
    r.check("ADMIN_TOKEN" in env, f"{name}: no ADMIN_TOKEN")
    test = " ".join(svc.get("healthcheck", {}).get("test", []))
    r.check("/health" in test and "curl" in test, f"{name}: healthcheck does not curl /health: {test}")
    amqp = interpolate(env.get("AMQP_URL", ""))
    r.check(re.fullmatch(rf"amqp://{name}:[^@]+@rabbitmq:5672/saga", amqp) is not None,
            f"{name}: AMQP_URL {amqp} is not the service's own broker user on vhost saga")
    db = interpolate(env.get("DATABASE_URL", ""))
    m = re.fullmatch(rf"postgresql://{short}_service:([^@]+)@postgres:5432/saga_{short}", db)
    if r.check(m is not None, f"{name}: DATABASE_URL {db} is not role {short}_service on saga_{short}"):
        pg_env = services["postgres"].get("environment", {})
        r.check(interpolate(pg_env.get(f"{short.upper()}_DB_PASSWORD", "")) == m.group(1),
                f"{name}: password in DATABASE_URL differs from postgres' {short.upper()}_DB_PASSWORD")
for name, svc in services.items():
    if name != "sagactl":
        r.check(svc.get("restart") in ("unless-stopped", "always"), f"{name}: restart policy {svc.get('restart')}")
        r.check("healthcheck" in svc, f"{name}: no healthcheck")
for name in SERVICE_NAMES + ["console", "sagactl"]:
    deps = services[name].get("depends_on", {})
    for dep in ("postgres", "rabbitmq"):
        r.check(isinstance(deps, dict) and deps.get(dep, {}).get("condition") == "service_healthy",
                f"{name}: does not depend on {dep} with condition service_healthy")
r.check(services["sagactl"].get("profiles") == ["tools"], "sagactl must be in profile tools only")

# Shutdown: a service's drain includes a notification send in flight (NOTIFY_SEND_TIMEOUT); a
# SIGKILL before its outcome is recorded sends it again after the lease. Docker's default is 10 s.
def seconds(text):
    parts = re.fullmatch(r"(?:(\d+)m)?(?:(\d+)s)?", str(text or ""))
    return int(parts.group(1) or 0) * 60 + int(parts.group(2) or 0) if parts and text else 10


send_timeout_ms = int(re.search(r"send_timeout\{(\d+)\}",
                                (repo / "services/notification/notification_settings.hpp").read_text()).group(1))
for name in SERVICE_NAMES + ["console"]:
    grace = seconds(services.get(name, {}).get("stop_grace_period"))
    r.check(grace >= 2 * send_timeout_ms / 1000,
            f"{name}: stop_grace_period {grace} s is not twice NOTIFY_SEND_TIMEOUT's {send_timeout_ms} ms")

# Broker: definitions from the template, no guest, plugins; postgres: the init script's names.
rabbit = services["rabbitmq"]
r.check(rabbit.get("image", "").startswith("rabbitmq:3.10-management"), f"rabbitmq image {rabbit.get('image')}")
mounts = [v for v in rabbit.get("volumes", []) if isinstance(v, str)]
r.check(any(v.startswith("./deploy/rabbitmq/definitions.template.json:") for v in mounts),
        "rabbitmq: deploy/rabbitmq/definitions.template.json is not mounted")
conf = (repo / "deploy/rabbitmq/compose/rabbitmq.conf").read_text()
r.check(re.search(r"^load_definitions\s*=\s*/etc/rabbitmq/definitions.json", conf, re.M) is not None,
        "rabbitmq.conf does not load /etc/rabbitmq/definitions.json")
r.check("guest" not in re.sub(r"#.*", "", conf), "rabbitmq.conf mentions guest")
plugins = (repo / "deploy/rabbitmq/compose/enabled_plugins").read_text()
for p in ("rabbitmq_management", "rabbitmq_prometheus"):
    r.check(p in plugins, f"enabled_plugins lacks {p}")
r.check(services["postgres"].get("image") == "postgres:15", "postgres image must be postgres:15")
init = (repo / "deploy/postgres/initdb/10-service-databases.sh").read_text()
r.check(all(s in init for s in SERVICES) and '"${name}_service"' in init and '"saga_${name}"' in init,
        "postgres init script does not create saga_<svc> / <svc>_service for the four services")

# The build stage installs the build group of install-deps.sh.
deps_script = (repo / "deploy/local/lib/install-deps.sh").read_text()
m = re.search(r"^build_pkgs=\(([^)]*)\)", deps_script, re.M)
if r.check(m is not None, "install-deps.sh: no build_pkgs=(...)"):
    build_group = set(m.group(1).split())
    dockerfile = (repo / "deploy/docker/Dockerfile").read_text()
    stage = re.search(r"^FROM\s+\S+\s+AS\s+build\s*$(.*?)^FROM\s", dockerfile, re.M | re.S | re.I).group(1)
    install = re.search(r"apt-get install([^&]*)&&", stage, re.S).group(1)
    installed = {w for w in install.replace("\\", " ").split() if not w.startswith("-")}
    r.check(build_group <= installed, f"Dockerfile build stage lacks {sorted(build_group - installed)}")
    # prometheus-cpp-dev (runtime/metrics) is on its way into the build group (lead's install-deps.sh).
    r.check(installed - build_group <= {"ca-certificates", "prometheus-cpp-dev"},
            f"Dockerfile build stage installs more than the build group: {sorted(installed - build_group)}")
    r.check(re.search(r"-DCMAKE_BUILD_TYPE=Release", stage) is not None, "build stage does not build Release")
    # The build stage copies build/services/<dir>/<target>: each target is an executable there.
    for target in set(dockerfile_targets(repo / "deploy/docker/Dockerfile")) - {"build", "runtime"}:
        cml = repo / "services" / target.removesuffix("-service") / "CMakeLists.txt"
        r.check(cml.is_file() and re.search(rf"add_executable\(\s*{re.escape(target)}\s", cml.read_text()) is not None,
                f"Dockerfile target {target}: no add_executable({target} ...) in {cml.relative_to(repo)}")
        r.check(f"COPY --from=build /out/{target} /usr/local/bin/{target}" in dockerfile,
                f"Dockerfile target {target} does not install /usr/local/bin/{target}")
    # What the build stage copies is in the build context (.dockerignore keeps the rest out).
    ignored = {line.strip().rstrip("/") for line in (repo / ".dockerignore").read_text().splitlines()
               if line.strip() and not line.startswith("#")}
    for source in re.findall(r"^COPY\s+(?!--from)(\S+)\s", stage, re.M):
        top = source.rstrip("/").split("/")[0]
        r.check((repo / source).exists() and top not in ignored,
                f"Dockerfile COPY {source}: missing, or excluded by .dockerignore")
    r.check(re.search(r"^USER\s+(?!0\b|root\b)\S+", dockerfile, re.M) is not None, "runtime image runs as root")

r.finish()
