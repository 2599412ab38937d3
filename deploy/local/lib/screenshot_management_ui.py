"""Screenshot of the RabbitMQ management UI's queues page while a DLQ holds a message.

Usage: screenshot_management_ui.py MANAGEMENT_URL USER PASSWORD OUTPUT.png

Drives Debian's headless Chromium through the DevTools protocol (python3-websocket): logs in
through the UI's own form, opens #/queues and captures the page. Chromium is started here and
stopped by its PID.
"""
import base64
import json
import os
import pathlib
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid

import websocket


def management(base, user, password, method, path, body=None):
    request = urllib.request.Request(base + path, method=method,
                                     data=None if body is None else json.dumps(body).encode())
    token = base64.b64encode(f"{user}:{password}".encode()).decode()
    request.add_header("Authorization", "Basic " + token)
    request.add_header("Content-Type", "application/json")
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.load(response)


def poison_one_event(base, user, password):
    """A malformed order.created (its data breaks the schema): every consumer dead-letters it."""
    event_id = str(uuid.uuid4())
    body = {"specversion": "1.0", "id": event_id, "type": "order.created", "source": "screenshot",
            "time": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "subject": "ORD-SCREENSHOT",
            "datacontenttype": "application/json", "data": {"items": "not a list"}}
    routed = management(base, user, password, "POST", "/api/exchanges/saga/saga.events/publish", {
        "routing_key": "order.created", "payload": json.dumps(body), "payload_encoding": "string",
        "properties": {"message_id": event_id, "type": "order.created", "delivery_mode": 2,
                       "content_type": "application/cloudevents+json"}})
    if not routed.get("routed"):
        sys.exit("screenshot: the event reached no queue: are the services up (./deploy/local/up)?")
    deadline = time.time() + 30
    while time.time() < deadline:
        queue = management(base, user, password, "GET", "/api/queues/saga/inventory-service.dlq")
        if queue.get("messages", 0) >= 1:
            return
        time.sleep(1)
    sys.exit("screenshot: inventory-service.dlq stayed empty")


class Browser:
    def __init__(self, profile):
        self.process = subprocess.Popen(
            ["chromium", "--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
             "--window-size=1440,1000", "--remote-debugging-port=0", f"--user-data-dir={profile}",
             "about:blank"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        port_file = pathlib.Path(profile) / "DevToolsActivePort"
        deadline = time.time() + 30
        while not port_file.exists() or not port_file.read_text().strip():
            if time.time() > deadline or self.process.poll() is not None:
                raise RuntimeError("chromium did not open its DevTools port")
            time.sleep(0.1)
        port = port_file.read_text().split()[0]
        targets = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/json", timeout=10))
        page = next(t for t in targets if t["type"] == "page")
        self.socket = websocket.create_connection(page["webSocketDebuggerUrl"], timeout=30)
        self.next_id = 0

    def call(self, method, **params):
        self.next_id += 1
        self.socket.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.socket.recv())
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})

    def evaluate(self, expression):
        return self.call("Runtime.evaluate", expression=expression, returnByValue=True)["result"].get("value")

    def wait_for(self, expression, timeout=30):
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.evaluate(expression):
                return
            time.sleep(0.2)
        raise RuntimeError("page never satisfied: " + expression)

    def close(self):
        self.socket.close()
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def main():
    if len(sys.argv) != 5:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    base, user, password, output = sys.argv[1:]
    poison_one_event(base, user, password)
    profile = tempfile.mkdtemp(prefix="saga-chromium-")
    browser = Browser(profile)
    try:
        browser.call("Page.navigate", url=base + "/")
        browser.wait_for("document.querySelector('input[name=username]') !== null")
        browser.evaluate(f"""
            document.querySelector('input[name=username]').value = {json.dumps(user)};
            document.querySelector('input[name=password]').value = {json.dumps(password)};
            document.querySelector('input[type=submit]').click(); true""")
        browser.wait_for("document.querySelector('#logout') !== null")
        browser.call("Page.navigate", url=base + "/#/queues")
        browser.wait_for("document.body.innerText.includes('inventory-service.dlq')")
        time.sleep(2)  # let the rates and charts settle
        shot = browser.call("Page.captureScreenshot", format="png")
        pathlib.Path(output).parent.mkdir(parents=True, exist_ok=True)
        pathlib.Path(output).write_bytes(base64.b64decode(shot["data"]))
        print(f"screenshot: wrote {output}")
    finally:
        browser.close()
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == "__main__":
    main()
