#!/usr/bin/python3
"""deploy/k8s/ manifests (run with /usr/bin/python3 REPO_ROOT).

Fails unless: every YAML document parses and has apiVersion, kind and metadata.name; the
kustomization lists exactly the manifest files; the RabbitmqCluster (rabbitmq.com/v1beta1) has 3
replicas and loads the definitions Secret; each service is a Deployment with >= 2 replicas,
readiness and liveness probes on /health, resource requests and limits, a non-root user, an image
named after a Dockerfile target, only environment variables its sources read (or helpers used in
$(VAR) expansions), secret keys that saga-credentials has, and a Service on its SPEC port; the
PostgreSQL init script equals deploy/postgres/initdb/10-service-databases.sh.
"""
import re
import sys
from pathlib import Path

from common import (SERVICES, SERVICE_NAMES, Report, dockerfile_targets, env_is_read, env_names_in_sources,
                    load_yaml, load_yaml_all, source_dirs)

repo = Path(sys.argv[1]).resolve()
k8s = repo / "deploy/k8s"
r = Report("k8s")
targets = dockerfile_targets(repo / "deploy/docker/Dockerfile")

kustomization = load_yaml(k8s / "kustomization.yaml")
manifests = sorted(p.name for p in k8s.glob("*.yaml") if p.name != "kustomization.yaml")
r.check(sorted(kustomization.get("resources", [])) == manifests,
        f"kustomization resources {kustomization.get('resources')} != manifest files {manifests}")
r.check(kustomization.get("namespace") == "saga", "kustomization namespace is not saga")
for image in kustomization.get("images", []):
    r.check(image["name"].split("/")[-1] in targets, f"kustomization image {image['name']} is not a Dockerfile target")

docs = []
for name in manifests:
    try:
        for d in load_yaml_all(k8s / name):
            docs.append((name, d))
    except Exception as error:  # a parse error is a failure, reported with the file
        r.check(False, f"{name}: does not parse: {error}")
for name, d in docs:
    r.check(isinstance(d, dict) and d.get("apiVersion") and d.get("kind") and d.get("metadata", {}).get("name"),
            f"{name}: a document without apiVersion, kind or metadata.name")
objects = {(d.get("kind"), d.get("metadata", {}).get("name")): d for _, d in docs if isinstance(d, dict)}

secret = objects.get(("Secret", "saga-credentials"), {})
secret_keys = set(secret.get("stringData", {})) | set(secret.get("data", {}))
r.check(secret_keys, "no Secret saga-credentials with keys")
r.check(all(v == "CHANGE_ME" for v in secret.get("stringData", {}).values()),
        "saga-credentials must hold placeholders (CHANGE_ME) only, never real passwords")


def check_secret_refs(owner, container):
    for e in container.get("env", []):
        ref = e.get("valueFrom", {}).get("secretKeyRef")
        if ref and ref.get("name") == "saga-credentials":
            r.check(ref.get("key") in secret_keys, f"{owner}: secret key {ref.get('key')} not in saga-credentials")


rabbit = objects.get(("RabbitmqCluster", "rabbitmq"))
if r.check(rabbit is not None, "no RabbitmqCluster named rabbitmq"):
    r.check(rabbit["apiVersion"] == "rabbitmq.com/v1beta1", f"RabbitmqCluster apiVersion {rabbit['apiVersion']}")
    spec = rabbit.get("spec", {})
    r.check(spec.get("replicas") == 3, f"RabbitmqCluster replicas {spec.get('replicas')}, expected 3")
    conf = spec.get("rabbitmq", {}).get("additionalConfig", "")
    m = re.search(r"^load_definitions\s*=\s*(\S+)", conf, re.M)
    pod = spec.get("override", {}).get("statefulSet", {}).get("spec", {}).get("template", {}).get("spec", {})
    mounts = [vm for c in pod.get("containers", []) for vm in c.get("volumeMounts", [])]
    volumes = {v["name"]: v for v in pod.get("volumes", [])}
    if r.check(m is not None, "RabbitmqCluster does not load_definitions"):
        mount = next((vm for vm in mounts if m.group(1).startswith(vm["mountPath"].rstrip("/") + "/")), None)
        r.check(mount is not None and volumes.get(mount["name"], {}).get("secret", {}).get("secretName") == "rabbitmq-definitions",
                "load_definitions does not point into the mounted Secret rabbitmq-definitions")

postgres = objects.get(("StatefulSet", "postgres"))
init = objects.get(("ConfigMap", "postgres-initdb"), {}).get("data", {}).get("10-service-databases.sh")
r.check(init == (repo / "deploy/postgres/initdb/10-service-databases.sh").read_text(),
        "ConfigMap postgres-initdb differs from deploy/postgres/initdb/10-service-databases.sh")
r.check(("Service", "postgres") in objects, "no Service postgres")
if r.check(postgres is not None, "no StatefulSet postgres"):
    for c in postgres["spec"]["template"]["spec"]["containers"]:
        check_secret_refs("postgres", c)
        names = {e["name"] for e in c.get("env", [])}
        r.check({f"{s.upper()}_DB_PASSWORD" for s in SERVICES} <= names, "postgres lacks the <SVC>_DB_PASSWORD variables")
        r.check(c.get("resources", {}).get("limits") and c.get("readinessProbe"), "postgres: no limits or readinessProbe")

for name in SERVICE_NAMES:
    port = SERVICES[name.removesuffix("-service")]
    dep = objects.get(("Deployment", name))
    if not r.check(dep is not None, f"no Deployment {name}"):
        continue
    r.check(dep["spec"].get("replicas", 1) >= 2, f"{name}: replicas {dep['spec'].get('replicas')} < 2")
    pod = dep["spec"]["template"]["spec"]
    r.check(pod.get("securityContext", {}).get("runAsNonRoot") is True, f"{name}: not runAsNonRoot")
    literals = env_names_in_sources(source_dirs(repo, name))
    for c in pod.get("containers", []):
        image = c.get("image", "")
        r.check(image.split("/")[-1].split(":")[0] == name and name in targets,
                f"{name}: image {image} does not match Dockerfile target {name}")
        for probe in ("readinessProbe", "livenessProbe"):
            get = c.get(probe, {}).get("httpGet", {})
            r.check(get.get("path") == "/health", f"{name}: {probe} is not an HTTP GET of /health")
        res = c.get("resources", {})
        r.check({"cpu", "memory"} <= set(res.get("requests", {})) and {"cpu", "memory"} <= set(res.get("limits", {})),
                f"{name}: resources need cpu and memory requests and limits")
        r.check(any(p.get("containerPort") == port for p in c.get("ports", [])), f"{name}: containerPort {port} missing")
        env = {e["name"]: e for e in c.get("env", [])}
        values = " ".join(str(e.get("value", "")) for e in env.values())
        for var in env:
            r.check(env_is_read(var, literals) or f"$({var})" in values,
                    f"{name}: environment variable {var} is neither read by the service nor used in a $(VAR)")
        r.check(str(env.get("HTTP_PORT", {}).get("value")) == str(port), f"{name}: HTTP_PORT is not {port}")
        r.check(env.get("HTTP_BIND", {}).get("value") == "0.0.0.0", f"{name}: HTTP_BIND is not 0.0.0.0")
        for var in ("DATABASE_URL", "AMQP_URL"):
            r.check(var in env, f"{name}: no {var}")
        r.check(re.fullmatch(rf"amqp://{name}:\$\(\w+\)@rabbitmq:5672/saga", env.get("AMQP_URL", {}).get("value", "")) is not None,
                f"{name}: AMQP_URL is not the service's own broker user on rabbitmq:5672/saga")
        check_secret_refs(name, c)
    svc = objects.get(("Service", name))
    if r.check(svc is not None, f"no Service {name}"):
        r.check(any(p.get("port") == port for p in svc["spec"].get("ports", [])), f"Service {name}: port {port} missing")
        r.check(svc["spec"].get("selector") == dep["spec"]["selector"]["matchLabels"],
                f"Service {name}: selector does not match the Deployment's pods")

r.finish()
