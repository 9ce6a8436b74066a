"""Content words, shared by the answer-sentence check and the statement check."""

from assistant.text.words import content_words


def test_content_words_drop_function_words_and_reporting_verbs() -> None:
    words = content_words("The ship’s bell was recovered on Monday, officials told AFP.")
    assert words == ["ship", "bell", "recovered", "monday", "officials", "afp"]
    assert content_words("It is as he said, according to them.") == []
