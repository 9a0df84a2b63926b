import flask
from werkzeug import serving
from werkzeug.debug import DebuggedApplication

app = flask.Flask(__name__)
DEBUG = True


def main(conf):
    app.run(host=conf.bind_host, port=conf.bind_port, debug=True)  # expect: PY407:61


def main_debug_constant():
    app.run(debug=DEBUG)  # expect: PY407:19


def serve(wsgi_app):
    serving.run_simple("127.0.0.1", 9697, wsgi_app, use_debugger=True)  # expect: PY407:66


def wrap(wsgi_app):
    return DebuggedApplication(wsgi_app, evalex=True)  # expect: PY407:49
