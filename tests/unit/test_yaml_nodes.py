import pytest
import yaml

from courseware.content import yaml_nodes

TEXT = "topic: smart\nitems:\n  - id: a\n    options: [1, 2]\n  - id: b\n"


def test_parsing_once_gives_the_same_data_as_safe_load_and_each_value_its_line():
    node, data = yaml_nodes.parse(TEXT)
    assert data == yaml.safe_load(TEXT)
    items = dict((k.value, v) for k, v in node.value)["items"]
    assert [item.start_mark.line + 1 for item in items.value] == [3, 5]


def test_an_empty_document_has_no_node_and_no_data():
    assert yaml_nodes.parse("") == (None, None)


def test_invalid_yaml_is_reported_in_the_words_of_the_pure_python_parser():
    with pytest.raises(yaml.MarkedYAMLError) as raised:
        yaml_nodes.parse("items: [a, b\nnext: c\n")
    assert raised.value.problem == "expected ',' or ']', but got ':'"
    assert raised.value.problem_mark.line == 1
