import flask
from werkzeug import serving
from werkzeug.debug import DebuggedApplication

app = flask.Flask(__name__)


def main(conf):
    app.run(host=conf.bind_host, port=conf.bind_port, debug=conf.debug)
    app.run(debug=False)
    app.run()


def serve(wsgi_app):
    serving.run_simple("127.0.0.1", 9697, wsgi_app)
    serving.run_simple("127.0.0.1", 9697, wsgi_app, use_debugger=True, use_evalex=False)


def wrap(wsgi_app):
    return DebuggedApplication(wsgi_app, evalex=False)


def other_runner(runner):
    # Not a web app: the same keyword elsewhere.
    runner.run(verbose=True)
