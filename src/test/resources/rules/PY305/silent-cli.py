"""A command-line tool: whoever runs it gives the URL."""
import argparse
import sys
import urllib.request


def fetch(url):
    return urllib.request.urlopen(url, timeout=10).read()


def main(args):
    return fetch(args.url)


parser = argparse.ArgumentParser(description='print a remote file')
parser.add_argument('--url')

if __name__ == '__main__':
    sys.exit(main(parser.parse_args()))
