#!/usr/bin/env python3
"""Writes the seed corpora of the fuzz targets from the schemas' examples (run after a schema changes).

fuzz/corpus/event_decode/   one CloudEvents envelope per example of schemas/events/*.json, plus the
                            example of schemas/cloudevent.json and a few near misses
fuzz/corpus/http_request/   raw HTTP/1.1 requests as the services receive them
fuzz/corpus/order_request/  POST /api/orders bodies, valid and invalid
"""
import json
import pathlib

root = pathlib.Path(__file__).resolve().parent.parent
corpus = root / "fuzz" / "corpus"


def write(target, name, text):
    folder = corpus / target
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(text.encode() if isinstance(text, str) else text)


def envelope(event_type, data):
    return {
        "specversion": "1.0",
        "id": "0b6f1f0e-3c1a-4a57-9d3e-5f2b8c7d6e5a",
        "type": event_type,
        "source": "order-service",
        "time": "2026-11-22T10:00:01.456Z",
        "subject": "3f1d3c2e-8c5b-4c1e-9a57-1c2d3e4f5a6b",
        "datacontenttype": "application/json",
        "correlationid": "3f1d3c2e-8c5b-4c1e-9a57-1c2d3e4f5a6b",
        "causationid": "8d2e4b6a-1f3c-4e5d-a7b9-0c1d2e3f4a5b",
        "traceparent": "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
        "data": data,
    }


def events():
    for schema_file in sorted((root / "schemas" / "events").glob("*.json")):
        schema = json.loads(schema_file.read_text())
        event_type = schema_file.stem
        for i, example in enumerate(schema.get("examples", [])):
            write("event_decode", f"{event_type}.{i}.json", json.dumps(envelope(event_type, example)))
    for i, example in enumerate(json.loads((root / "schemas" / "cloudevent.json").read_text()).get("examples", [])):
        write("event_decode", f"cloudevent.{i}.json", json.dumps(example))
    bad = envelope("order.created", {"order_id": "x", "items": [{"product_id": "", "quantity": 0}]})
    write("event_decode", "near-miss.invalid-data.json", json.dumps(bad))
    write("event_decode", "near-miss.unknown-type.json", json.dumps(envelope("order.shipped", {})))
    write("event_decode", "near-miss.not-object.json", "[1, 2, 3]")


def http():
    body = json.dumps({"customer_id": "c-42", "items": [{"product_id": "PROD-001", "quantity": 2}]})
    requests = {
        "post-order": "POST /api/orders HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
        f"Idempotency-Key: k-1\r\nX-Correlation-ID: corr-1\r\nContent-Length: {len(body)}\r\n\r\n{body}",
        "get-order": "GET /api/orders/3f1d3c2e-8c5b-4c1e-9a57-1c2d3e4f5a6b HTTP/1.1\r\nHost: localhost\r\n\r\n",
        "list-orders": "GET /api/orders?status=PENDING&limit=10&cursor=a%2Bb+c HTTP/1.1\r\nHost: x\r\n\r\n",
        "cancel": "POST /api/orders/o-1/cancel HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n",
        "patch-inventory": "PATCH /api/inventory/PROD-001 HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer t\r\n"
        "Content-Type: application/json; charset=utf-8\r\nContent-Length: 15\r\n\r\n{\"quantity\": 5}",
        "chunked": "POST /api/orders HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        "Transfer-Encoding: chunked\r\n\r\n5\r\n{\"a\":\r\n2\r\n1}\r\n0\r\n\r\n",
        "expect": "POST /api/inventory HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Type: application/json\r\n"
        "Content-Length: 2\r\n\r\n{}",
        "http10": "GET /health HTTP/1.0\r\n\r\n",
        "bad-escape": "GET /api/orders/%zz?x=%00 HTTP/1.1\r\nHost: x\r\n\r\n",
        "metrics": "GET /metrics HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
    }
    for name, text in requests.items():
        write("http_request", name + ".http", text)


def orders():
    bodies = {
        "valid": {"customer_id": "c-42", "email": "a@b.example",
                  "items": [{"product_id": "PROD-001", "quantity": 2}, {"product_id": "PROD-004", "quantity": 1}],
                  "payment_token": "tok_visa"},
        "minimal": {"customer_id": "c-1", "items": [{"product_id": "P", "quantity": 1000}]},
        "duplicate-products": {"customer_id": "c-1", "items": [{"product_id": "P", "quantity": 1},
                                                               {"product_id": "P", "quantity": 2}]},
        "bad-fields": {"customer_id": "", "email": "nope", "items": [{"product_id": 7, "quantity": 0.5}],
                       "payment_token": None, "extra": True},
        "no-items": {"customer_id": "c-1", "items": []},
    }
    for name, body in bodies.items():
        write("order_request", name + ".json", json.dumps(body))
    write("order_request", "not-object.json", '"just a string"')


events()
http()
orders()
