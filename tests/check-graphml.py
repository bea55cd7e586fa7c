#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Checks that an actnet GraphML export is something Gephi and networkx accept.

usage: check-graphml.py FILE [--nodes N] [--edges M] [--label ID=LABEL]...
                             [--weight ID1,ID2=W]...

IDs are actor_id values. Exit 0 when every check passes (prints
"nodes=N edges=M"), 1 with a message otherwise, 2 on a usage error.
"""

import argparse
import math
import sys
import xml.etree.ElementTree as ET

XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>'
GRAPHML_NS = '{http://graphml.graphdrawing.org/xmlns}'


class CheckError(Exception):
    pass


def parse_args(argv):
    parser = argparse.ArgumentParser(
        description='Check an actnet GraphML export.')
    parser.add_argument('file')
    parser.add_argument('--nodes', type=int)
    parser.add_argument('--edges', type=int)
    parser.add_argument('--label', action='append', default=[],
                        metavar='ID=LABEL')
    parser.add_argument('--weight', action='append', default=[],
                        metavar='ID1,ID2=W')
    args = parser.parse_args(argv)

    labels = []
    for item in args.label:
        actor, sep, label = item.partition('=')
        if not sep or not actor:
            parser.error('--label wants ID=LABEL, got %r' % item)
        labels.append((actor, label))
    weights = []
    for item in args.weight:
        pair, sep, value = item.rpartition('=')
        first, comma, second = pair.partition(',')
        if not sep or not comma or not first or not second:
            parser.error('--weight wants ID1,ID2=W, got %r' % item)
        try:
            weight = float(value)
        except ValueError:
            parser.error('--weight: %r is not a number' % value)
        weights.append((first, second, weight))
    return args, labels, weights


def is_number(value):
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def check_text(path):
    with open(path, 'rb') as stream:
        raw = stream.read()
    try:
        text = raw.decode('utf-8', errors='strict')
    except UnicodeDecodeError as error:
        raise CheckError('not valid UTF-8: %s' % error)
    first_line = text.split('\n', 1)[0].rstrip('\r')
    if first_line != XML_DECLARATION:
        raise CheckError('first line is %r, expected %r'
                         % (first_line[:80], XML_DECLARATION))
    if 'edgedefault="undirected"' not in text:
        raise CheckError('edgedefault="undirected" missing')
    return raw


def check_structure(raw):
    """Keys and edges straight from the XML: what networkx would merge."""
    try:
        root = ET.fromstring(raw)
    except ET.ParseError as error:
        raise CheckError('not well-formed XML: %s' % error)
    node_keys = set()
    for key in root.iter(GRAPHML_NS + 'key'):
        if key.get('for') == 'node':
            node_keys.add(key.get('attr.name'))
    for name in ('label', 'type'):
        if name not in node_keys:
            raise CheckError('no node attribute %r declared' % name)
    graphs = list(root.iter(GRAPHML_NS + 'graph'))
    if len(graphs) != 1:
        raise CheckError('%d graphs in the file, expected 1' % len(graphs))
    seen = set()
    for edge in graphs[0].iter(GRAPHML_NS + 'edge'):
        source, target = edge.get('source'), edge.get('target')
        if not source or not target:
            raise CheckError('edge with an empty source or target')
        if source == target:
            raise CheckError('self-loop on node %s' % source)
        pair = frozenset((source, target))
        if pair in seen:
            raise CheckError('duplicate edge %s-%s' % (source, target))
        seen.add(pair)


def check_graph(path, args, labels, weights):
    import networkx

    graph = networkx.read_graphml(path)
    if graph.is_directed() or graph.is_multigraph():
        raise CheckError('networkx read a %s, expected a simple undirected graph'
                         % type(graph).__name__)
    if networkx.number_of_selfloops(graph) != 0:
        raise CheckError('self-loops present')

    by_actor = {}
    for node, data in graph.nodes(data=True):
        label = data.get('label')
        if not isinstance(label, str) or label == '':
            raise CheckError('node %s has no non-empty string label' % node)
        # igraph writes an empty string as an empty <data>, which networkx
        # leaves out: a declared type that is absent reads as "".
        if not isinstance(data.get('type', ''), str):
            raise CheckError('node %s: type is not a string' % node)
        for name, value in data.items():
            if is_number(value) and not math.isfinite(value):
                raise CheckError('node %s: %s is %r' % (node, name, value))
        actor = data.get('actor_id', node)
        if actor in by_actor:
            raise CheckError('actor_id %r on nodes %s and %s'
                             % (actor, by_actor[actor], node))
        by_actor[actor] = node

    for source, target, data in graph.edges(data=True):
        weight = data.get('weight')
        if not is_number(weight) or not math.isfinite(weight) or weight <= 0:
            raise CheckError('edge %s-%s: weight %r is not finite and positive'
                             % (source, target, weight))
        for name, value in data.items():
            if is_number(value) and not math.isfinite(value):
                raise CheckError('edge %s-%s: %s is %r'
                                 % (source, target, name, value))

    n_nodes, n_edges = graph.number_of_nodes(), graph.number_of_edges()
    if args.nodes is not None and n_nodes != args.nodes:
        raise CheckError('%d nodes, expected %d' % (n_nodes, args.nodes))
    if args.edges is not None and n_edges != args.edges:
        raise CheckError('%d edges, expected %d' % (n_edges, args.edges))

    def node_of(actor):
        if actor not in by_actor:
            raise CheckError('no node with actor_id %r' % actor)
        return by_actor[actor]

    for actor, label in labels:
        actual = graph.nodes[node_of(actor)]['label']
        if actual != label:
            raise CheckError('%s: label %r, expected %r' % (actor, actual, label))
    for first, second, weight in weights:
        u, v = node_of(first), node_of(second)
        if not graph.has_edge(u, v):
            raise CheckError('no edge %s-%s' % (first, second))
        actual = graph.edges[u, v]['weight']
        if not math.isclose(actual, weight, rel_tol=1e-9, abs_tol=1e-12):
            raise CheckError('edge %s-%s: weight %r, expected %r'
                             % (first, second, actual, weight))
    return n_nodes, n_edges


def main(argv):
    args, labels, weights = parse_args(argv)
    try:
        raw = check_text(args.file)
        check_structure(raw)
        n_nodes, n_edges = check_graph(args.file, args, labels, weights)
    except OSError as error:
        print('check-graphml: %s: %s' % (args.file, error.strerror or error),
              file=sys.stderr)
        return 1
    except CheckError as error:
        print('check-graphml: %s: %s' % (args.file, error), file=sys.stderr)
        return 1
    except Exception as error:  # networkx parse errors and the like
        print('check-graphml: %s: %s: %s'
              % (args.file, type(error).__name__, error), file=sys.stderr)
        return 1
    print('nodes=%d edges=%d' % (n_nodes, n_edges))
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
