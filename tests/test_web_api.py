"""The REST API and the pages' JSON twins, through the ASGI test client: every endpoint and
every error class (413, 422, 404), and that news text cannot inject HTML."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient

from eventwire.options import Options
from eventwire.store import open_store
from eventwire.web import MAX_ARTICLES_PER_REQUEST, create_app

# Original sentences written for these tests.
CLASH = ("Government troops shelled rebel positions near the town of Kalveri on Tuesday, "
         "and the rebels accused the army of killing six civilians.")
SUMMIT = "The foreign ministers of Kenya and Ethiopia met in Nairobi on Friday to discuss the border."


@pytest.fixture(scope="module")
def app(sample_store, nlp, resources):
    return create_app(str(sample_store), Options(check_language=False), nlp=nlp, resources=resources)


@pytest.fixture(scope="module")
def client(app):
    with TestClient(app) as c:
        yield c


def _error(response, status):
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()["error"]
    assert body["status"] == status and body["title"] and body["detail"]
    return body


def test_healthz(client):
    body = client.get("/healthz").json()
    assert body["status"] == "ok" and body["model_loaded"] is True
    assert body["pipeline_version"]


def test_openapi_is_served(client):
    assert client.get("/docs").status_code == 200
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/v1/code", "/v1/events", "/v1/events/{event_id}", "/v1/articles/{article_id}",
                 "/v1/trend", "/v1/actors", "/healthz"):
        assert path in paths


def test_code_one_article_returns_the_record_contract(client):
    body = client.post("/v1/code", json={"text": CLASH, "published": "2024-04-11",
                                         "title": "Shelling near Kalveri"}).json()
    assert set(body) == {"article", "pipeline_version", "events", "quotes", "mentions", "places",
                         "times"}
    assert body["article"]["title"] == "Shelling near Kalveri"
    assert body["article"]["published"] == "2024-04-11"
    types = {e["plover"]["type"] for e in body["events"]}
    assert "ASSAULT" in types and "ACCUSE" in types
    # "on Tuesday" before a Thursday publication date
    assert {t["value"] for t in body["times"]} == {"2024-04-09"}
    for e in body["events"]:
        start, end = e["trigger"]["start"], e["trigger"]["end"]
        assert body["article"]["text"][start:end] == e["trigger"]["text"]


def test_code_a_list_returns_a_list_in_order(client):
    body = client.post("/v1/code", json=[{"text": SUMMIT}, {"text": CLASH}]).json()
    assert isinstance(body, list) and len(body) == 2
    assert body[0]["article"]["text"] == SUMMIT and body[1]["article"]["text"] == CLASH
    assert any(e["plover"]["type"] == "CONSULT" for e in body[0]["events"])


def test_too_many_articles_is_413(client):
    many = [{"text": SUMMIT}] * (MAX_ARTICLES_PER_REQUEST + 1)
    assert "at most" in _error(client.post("/v1/code", json=many), 413)["detail"]


def test_body_over_the_limit_is_413(sample_store, nlp, resources):
    small = create_app(str(sample_store), nlp=nlp, resources=resources, max_body=4096)
    with TestClient(small) as c:
        _error(c.post("/v1/code", json={"text": "word " * 2000}), 413)
        # a streamed body with no Content-Length is cut off too
        chunks = (b'{"text": "' + b"x" * 1000 for _ in range(10))
        _error(c.post("/v1/code", content=chunks, headers={"content-type": "application/json"}), 413)
        assert c.post("/v1/code", json={"text": SUMMIT}).status_code == 200


def test_malformed_json_is_422(client):
    body = _error(client.post("/v1/code", content=b'{"text": ',
                              headers={"content-type": "application/json"}), 422)
    assert body["errors"][0]["type"] == "json_invalid"


@pytest.mark.parametrize("payload", [{"text": 5}, {"title": "no text"}, {"text": "x", "published": "soon"},
                                     "just a string"])
def test_wrong_types_are_422(client, payload):
    body = _error(client.post("/v1/code", json=payload), 422)
    assert body["errors"] and all(e["where"] for e in body["errors"])


@pytest.mark.parametrize("query", ["limit=0", "limit=100000", "offset=-1", "since=yesterday",
                                   "sort=password", "near=35,40", "include_negated=maybe"])
def test_bad_event_filters_are_422(client, query):
    _error(client.get(f"/v1/events?{query}"), 422)


def test_unknown_ids_and_routes_are_404(client):
    assert "nope" in _error(client.get("/v1/events/nope"), 404)["detail"]
    _error(client.get("/v1/articles/nope"), 404)
    _error(client.get("/v1/nothing-here"), 404)


def test_blank_filters_are_unset(client):
    # what a browser sends for a form left empty
    blank = client.get("/v1/events?actor=&since=&until=&near=&limit=&include_negated=").json()
    assert blank == client.get("/v1/events").json()


def test_events_filters_and_pages(client, sample_store):
    page = client.get("/v1/events?actor=SYR&limit=3").json()
    assert page["total"] >= 3 and len(page["events"]) == 3
    for e in page["events"]:
        assert (e["source_code"] or "").startswith("SYR") or (e["target_code"] or "").startswith("SYR")
    second = client.get("/v1/events?actor=SYR&limit=3&offset=3").json()
    assert second["total"] == page["total"]
    assert not {e["event_id"] for e in page["events"]} & {e["event_id"] for e in second["events"]}
    with open_store(sample_store, read_only=True) as store:
        stored = store.con.execute(
            "SELECT count(*) FROM events WHERE (source_code LIKE 'SYR%' OR target_code LIKE 'SYR%') "
            "AND NOT coalesce(modality_negated, false)").fetchone()[0]
    assert page["total"] == stored
    assault = client.get("/v1/events?type=assault&sort=cameo_code&descending=false&limit=500").json()
    codes = [e["cameo_code"] for e in assault["events"]]
    assert codes == sorted(codes) and {e["plover_type"] for e in assault["events"]} == {"ASSAULT"}


def test_event_detail_has_evidence_and_cluster(client):
    first = client.get("/v1/events?limit=1").json()["events"][0]
    body = client.get(f"/v1/events/{first['event_id']}").json()
    event = body["event"]
    assert event["event_id"] == first["event_id"]
    assert event["evidence_text"] and event["trigger_text"] in event["evidence_text"]
    members = [m["event_id"] for m in body["cluster"]["members"]]
    assert first["event_id"] in members and body["cluster"]["num_mentions"] == len(members)


def test_article_has_text_and_records(client, sample_store):
    body = client.get("/v1/articles/ew-mil-012").json()
    with open_store(sample_store, read_only=True) as store:
        stored = json.loads(json.dumps(store.get("ew-mil-012").to_dict(), default=str))
    assert body == stored and body["events"] and body["quotes"]


def test_trend(client):
    body = client.get("/v1/trend?dyad=usa:syr&by=month").json()
    assert body["dyad"] == "USA:SYR"
    assert body["rows"] and all(r["total"] > 0 for r in body["rows"])
    _error(client.get("/v1/trend?dyad=USA"), 422)
    _error(client.get("/v1/trend?dyad=USA:RUS&by=year"), 422)


def test_actor_search(client):
    hits = client.get("/v1/actors?q=syria").json()["actors"]
    assert any(h["code"] == "SYR" for h in hits)
    assert all("syria" in h["name"].lower() for h in hits)
    _error(client.get("/v1/actors?q=a"), 422)


def test_every_page_has_a_json_twin(client):
    api = client.get("/v1/events?actor=SYR&limit=5").json()
    twin = client.get("/events?actor=SYR&limit=5&format=json").json()
    assert twin == api
    event_id = api["events"][0]["event_id"]
    assert client.get(f"/events/{event_id}?format=json").json() == client.get(f"/v1/events/{event_id}").json()
    article = client.get("/articles/ew-mil-012?format=json").json()
    assert article["article"]["id"] == "ew-mil-012" and article["segments"]
    dashboard = client.get("/dashboard?dyad=USA:SYR&format=json").json()
    assert dashboard["events"] > 0 and dashboard["top_actors"] and dashboard["trend"]


def test_pages_are_html_with_a_strict_policy(client):
    for path in ("/", "/events", "/dashboard", "/articles/ew-mil-012", "/charts/trend.svg",
                 "/charts/network.svg", "/charts/map.svg"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert "script-src 'self'" in response.headers["content-security-policy"]
    assert client.get("/charts/map.svg").headers["content-type"] == "image/svg+xml"
    missing = client.get("/articles/nope")
    assert missing.status_code == 404 and "no article" in missing.text
    assert missing.headers["content-type"].startswith("text/html")


def test_news_text_cannot_inject_html(client):
    hostile = ('Rebels attacked <script>alert("x")</script> a checkpoint in Kalveri on Monday '
               'and <img src=x onerror=alert(1)> fled.')
    page = client.post("/annotate", data={"text": hostile, "published": "2024-04-11"})
    assert page.status_code == 200
    assert "<script>alert" not in page.text and "<img src=x" not in page.text
    assert "&lt;script&gt;" in page.text
    # the only script on any page is the app's own file
    assert page.text.count("<script") == 1 and '<script src="/static/app.js"' in page.text


def test_annotate_errors(client):
    assert client.post("/annotate", data={"text": "  "}).status_code == 422
    bad_date = client.post("/annotate", data={"text": SUMMIT, "published": "someday"})
    assert bad_date.status_code == 422 and "YYYY-MM-DD" in bad_date.text
    upload = client.post("/annotate", files={"upload": ("story.txt", SUMMIT.encode(), "text/plain")})
    assert upload.status_code == 200 and "Nairobi" in upload.text
