#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Reads an actnet export with a reader independent of actnet and checks it.

usage: check-export.py FORMAT FILE [--nodes N] [--edges M] [--label ID=LABEL]...
                                   [--weight ID1,ID2=W]...

FORMAT: gexf, gml, pajek, dot, csv (FILE: the -o path, NAME.csv; reads
NAME.nodes.csv and NAME.edges.csv), json, matrix. IDs are actor ids (for
pajek, whose nodes are named by label, the LABEL is looked up instead).
GEXF is read with xml.etree (and networkx when it knows GEXF 1.3), GML and
Pajek with networkx, JSON with networkx node_link_graph, CSV with the csv
module, DOT with a small tokenizer (graphviz is not needed).
Exit 0 when every check passes (prints "nodes=N edges=M"), 1 otherwise.
"""

import argparse
import csv
import json
import math
import re
import sys
import xml.etree.ElementTree as ET


class CheckError(Exception):
    pass


def strict_text(path):
    with open(path, 'rb') as f:
        data = f.read()
    try:
        return data.decode('utf-8')
    except UnicodeDecodeError as err:
        raise CheckError('%s: invalid UTF-8: %s' % (path, err))


def finite(value, what):
    x = float(value)
    if not math.isfinite(x):
        raise CheckError('%s is not finite: %r' % (what, value))
    return x


def read_gexf(path):
    text = strict_text(path)
    if not text.startswith('<?xml version="1.0" encoding="UTF-8"?>'):
        raise CheckError('no UTF-8 XML declaration')
    ns = '{http://gexf.net/1.3}'
    root = ET.fromstring(text.encode('utf-8'))
    if root.tag != ns + 'gexf' or root.get('version') != '1.3':
        raise CheckError('not GEXF 1.3: %s version=%s' % (root.tag, root.get('version')))
    graph = root.find(ns + 'graph')
    if graph is None or graph.get('defaultedgetype') != 'undirected':
        raise CheckError('no <graph defaultedgetype="undirected">')
    labels, edges = {}, {}
    for node in graph.iter(ns + 'node'):
        if node.get('id') in labels:
            raise CheckError('duplicate node id %r' % node.get('id'))
        if not node.get('label'):
            raise CheckError('node %r has no label' % node.get('id'))
        labels[node.get('id')] = node.get('label')
    for edge in graph.iter(ns + 'edge'):
        a, b = edge.get('source'), edge.get('target')
        if a not in labels or b not in labels:
            raise CheckError('edge %s-%s names an unknown node' % (a, b))
        edges[frozenset((a, b))] = finite(edge.get('weight'), 'weight')
    try:
        import networkx as nx
        if int(nx.__version__.split('.')[0]) >= 3:  # 2.x reads GEXF 1.2 only
            g = nx.read_gexf(path)
            if g.number_of_nodes() != len(labels) or g.number_of_edges() != len(edges):
                raise CheckError('networkx read_gexf disagrees on the counts')
    except ImportError:
        pass
    return labels, edges


def from_networkx(g, node_key, label_key):
    labels = {}
    for node, data in g.nodes(data=True):
        key = node if node_key is None else data[node_key]
        labels[key] = node if label_key is None else data[label_key]
    edges = {}
    for a, b, data in g.edges(data=True):
        ka = a if node_key is None else g.nodes[a][node_key]
        kb = b if node_key is None else g.nodes[b][node_key]
        edges[frozenset((ka, kb))] = finite(data['weight'], 'weight')
    return labels, edges


def read_gml(path):
    import networkx as nx
    text = strict_text(path)
    if not text.isascii():
        raise CheckError('GML is not ASCII')
    # label='id': actor labels need not be unique.
    return from_networkx(nx.read_gml(path, label='id'), 'actorid', 'label')


def read_pajek(path):
    import networkx as nx
    strict_text(path)
    g = nx.read_pajek(path)
    labels, edges = from_networkx(nx.Graph(g), None, None)
    return labels, edges


def read_json(path):
    import networkx as nx
    data = json.loads(strict_text(path),
                      parse_constant=lambda c: finite(c, 'JSON constant'))
    if data.get('directed') is not False:
        raise CheckError('"directed" is not false')
    g = nx.node_link_graph(data)
    return from_networkx(g, None, 'label')


def read_csv_pair(path):
    base = re.sub(r'(\.nodes|\.edges)?\.csv$', '', path)
    with open(base + '.nodes.csv', newline='', encoding='utf-8', errors='strict') as f:
        nodes = list(csv.DictReader(f))
    with open(base + '.edges.csv', newline='', encoding='utf-8', errors='strict') as f:
        reader = csv.DictReader(f)
        if reader.fieldnames[:4] != ['Source', 'Target', 'Type', 'Weight']:
            raise CheckError('edge header %r' % reader.fieldnames)
        rows = list(reader)
    labels = {row['Id']: row['Label'] for row in nodes}
    if len(labels) != len(nodes):
        raise CheckError('duplicate Id in the nodes table')
    edges = {}
    for row in rows:
        if row['Type'] != 'Undirected':
            raise CheckError('edge Type %r' % row['Type'])
        if row['Source'] not in labels or row['Target'] not in labels:
            raise CheckError('edge names an unknown node')
        edges[frozenset((row['Source'], row['Target']))] = finite(row['Weight'], 'Weight')
    return labels, edges


def read_matrix(path):
    with open(path, newline='', encoding='utf-8', errors='strict') as f:
        rows = list(csv.reader(f))
    header = rows[0]
    if header[0] != '':
        raise CheckError('the first header cell is not empty')
    ids = header[1:]
    labels = {i: i for i in ids}
    edges = {}
    for r, row in enumerate(rows[1:]):
        if row[0] != ids[r] or len(row) != len(ids) + 1:
            raise CheckError('row %d is not the row of %r' % (r + 1, ids[r]))
        for c, cell in enumerate(row[1:]):
            w = finite(cell, 'cell')
            if w != finite(rows[c + 1][r + 1], 'cell'):
                raise CheckError('matrix not symmetric at %s,%s' % (ids[r], ids[c]))
            if w != 0 and r < c:
                edges[frozenset((ids[r], ids[c]))] = w
    return labels, edges


def read_dot(path):
    """A syntactic check: balanced brackets, quoted strings closed, one
    `graph {` block; nodes are `N [ ... ]` statements, edges `A -- B`."""
    text = strict_text(path)
    body = re.sub(r'/\*.*?\*/', '', text, flags=re.S)
    tokens = re.findall(r'"(?:[^"\\]|\\.)*"|--|->|[{}\[\];=]|[^\s{}\[\];="]+', body)
    if ''.join(t for t in tokens if t.startswith('"')).count('"') % 2:
        raise CheckError('unterminated string')
    if tokens[:2] != ['graph', '{'] or tokens[-1] != '}' or '->' in tokens:
        raise CheckError('not one undirected graph block')
    depth, labels, edges, i = 0, {}, {}, 2
    while i < len(tokens) - 1:
        t = tokens[i]
        if t == '--':
            a, b = tokens[i - 1], tokens[i + 1]
            j, weight = i + 2, None
            if tokens[j] == '[':
                while tokens[j] != ']':
                    if tokens[j] == 'weight' and tokens[j + 1] == '=':
                        weight = finite(tokens[j + 2].strip('"'), 'weight')
                    j += 1
            if weight is None:
                raise CheckError('edge %s -- %s has no weight' % (a, b))
            edges[frozenset((a, b))] = weight
            i = j + 1
            continue
        if re.fullmatch(r'\d+', t) and tokens[i + 1] == '[' and tokens[i - 1] != '--':
            j, label = i + 2, None
            while tokens[j] != ']':
                if tokens[j] == 'label' and tokens[j + 1] == '=':
                    label = json.loads(tokens[j + 2]) if tokens[j + 2].startswith('"') else tokens[j + 2]
                if tokens[j] == 'actor_id' and tokens[j + 1] == '=':
                    actor = json.loads(tokens[j + 2]) if tokens[j + 2].startswith('"') else tokens[j + 2]
                j += 1
            if label is None:
                raise CheckError('node %s has no label' % t)
            labels[t] = (actor, label)
            i = j + 1
            continue
        depth += {'[': 1, ']': -1}.get(t, 0)
        i += 1
    if depth != 0:
        raise CheckError('unbalanced brackets')
    by_index = {k: v[0] for k, v in labels.items()}
    edges = {frozenset(by_index[n] for n in pair): w for pair, w in edges.items()}
    return {actor: label for actor, label in labels.values()}, edges


READERS = {'gexf': read_gexf, 'gml': read_gml, 'pajek': read_pajek, 'json': read_json,
           'csv': read_csv_pair, 'matrix': read_matrix, 'dot': read_dot}


def main(argv):
    parser = argparse.ArgumentParser(description='Check an actnet export.')
    parser.add_argument('format', choices=sorted(READERS))
    parser.add_argument('file')
    parser.add_argument('--nodes', type=int)
    parser.add_argument('--edges', type=int)
    parser.add_argument('--label', action='append', default=[], metavar='ID=LABEL')
    parser.add_argument('--weight', action='append', default=[], metavar='ID1,ID2=W')
    args = parser.parse_args(argv)
    try:
        labels, edges = READERS[args.format](args.file)
        if args.nodes is not None and len(labels) != args.nodes:
            raise CheckError('%d nodes, expected %d' % (len(labels), args.nodes))
        if args.edges is not None and len(edges) != args.edges:
            raise CheckError('%d edges, expected %d' % (len(edges), args.edges))
        pajek = args.format == 'pajek'
        for item in args.label:
            actor, _, label = item.partition('=')
            if pajek:
                if label not in labels:
                    raise CheckError('no node labelled %r' % label)
            elif args.format != 'matrix' and labels.get(actor) != label:
                raise CheckError('label of %r is %r, expected %r' % (actor, labels.get(actor), label))
        names = dict(item.partition('=')[::2] for item in args.label)
        for item in args.weight:
            pair, _, value = item.rpartition('=')
            a, _, b = pair.partition(',')
            if pajek:
                a, b = names.get(a, a), names.get(b, b)
            got = edges.get(frozenset((a, b)))
            if got is None or abs(got - float(value)) > 1e-9:
                raise CheckError('weight of %s,%s is %r, expected %s' % (a, b, got, value))
    except (CheckError, ET.ParseError, KeyError, ValueError, OSError) as err:
        print('%s: %s' % (args.file, err), file=sys.stderr)
        return 1
    except Exception as err:  # a reader's own error (networkx)
        print('%s: %s: %s' % (args.file, type(err).__name__, err), file=sys.stderr)
        return 1
    print('nodes=%d edges=%d' % (len(labels), len(edges)))
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
