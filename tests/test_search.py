"""The site's search folds Arabic words one way for the index and the query, and finds a
place or a party by any of its names."""
from __future__ import annotations

from waqai.records import Actor, Place
from waqai.site.search import fold_word, fold_words, name_groups, search_config, with_aliases

SDF = Actor("sdf", "قوات سوريا الديمقراطية (قسد)", "SDF", aliases=("قوات سوريا الديمقراطية", "قسد"))
SHAAFA = Place("shaafa", "الشعفة", "al-Sha'fa", "town", "Abu Kamal", 34.6, 40.8)
NEW = Place("jadida", "جديدة", "Jadida", "village", "Hajin", 34.7, 40.8, common_word=True)


def test_a_word_with_its_article_and_clitics_folds_to_the_bare_word() -> None:
    assert fold_word("بالباغوز") == fold_word("والباغوز") == fold_word("الباغوز") == fold_word("باغوز")
    assert fold_word("للنظام") == fold_word("النظام") == "نظام"


def test_spelling_variants_fold_alike() -> None:
    assert fold_word("الشَّعْفَة") == fold_word("شعفه") == fold_word("شعفة")  # diacritics, taa marbuta
    assert fold_word("إدلب") == fold_word("أدلب") == fold_word("ادلب")  # hamza forms of alef
    assert fold_word("مصطفى") == fold_word("مصطفي")  # alef maqsura
    assert fold_word("الـبـاغـوز") == fold_word("الباغوز")  # tatweel


def test_a_word_s_own_first_letter_stays() -> None:
    assert fold_word("الفرات") == fold_word("فرات") == "فرات"  # ف of فرات is no clitic
    assert fold_word("بلدة") != fold_word("لده")


def test_punctuation_separates_words() -> None:
    assert fold_words("في الباغوز، و«قسد»؛ <b>الشعفة</b>") == ["في", "باغوز", "و", "قسد", "شعفه"]


def test_a_page_naming_a_party_is_found_by_its_other_names() -> None:
    groups = name_groups([SHAAFA, NEW], [SDF])
    [page, other] = with_aliases([{"location": "a/", "title": "خبر", "text": "<p>تقدمت قوات سوريا الديمقراطية في الشعفة</p>"}, {"location": "b/", "title": "خبر", "text": "بلدة جديدة"}], groups)
    assert "قسد" in page["aliases"].split() and "شعفه" in page["aliases"].split()
    assert "aliases" not in other  # جديدة is an ordinary word: the place is not matched by it


def test_the_index_is_searched_in_waqai_s_language_with_its_aliases() -> None:
    config = search_config({"lang": ["ar"], "separator": "[\\s\\-]+", "pipeline": [" "], "fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}}})
    assert config["lang"] == ["waqai"] and config["pipeline"] == []
    assert "aliases" in config["fields"] and "،" in config["separator"]
