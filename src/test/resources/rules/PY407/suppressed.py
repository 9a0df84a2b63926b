import flask

app = flask.Flask(__name__)


def main():
    app.run(debug=True)  # nosec
    app.run(debug=True)  # nosec B201
    app.run(debug=True)  # noqa: S201
    app.run(debug=True)  # security-review: ignore[PY407]
    app.run(debug=True)  # nosec B101  # expect: PY407:19
