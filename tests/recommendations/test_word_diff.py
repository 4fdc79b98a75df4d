from recommendations.history import word_diff


def test_word_diff_marks_the_words_that_changed_and_keeps_the_rest():
    assert word_diff("The council will act soon.", "The council acted soon.") == [
        ("equal", "The council "),
        ("delete", "will act"),
        ("insert", "acted"),
        ("equal", " soon."),
    ]


def test_word_diff_of_an_empty_text_is_all_inserted():
    assert word_diff("", "New words") == [("insert", "New words")]
