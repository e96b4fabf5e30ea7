"""The figures extractor on a table of sentences written for these tests.

Each row: a sentence, then the one figure expected in it (value, category,
qualifier, party). The sentences vary the forms the seed reports use: other
verbs, word order, clitics, number words, duals, Arabic-Indic digits.
"""
from __future__ import annotations

import pytest

from waqai.extract.figures import find_figures

K, W, X, A, KD = "killed", "wounded", "executed", "arrested", "kidnapped"
E, D, T, TR, F, TK, V, TW, S = "exits", "displaced", "territory", "troops", "fighters", "trucks", "villages", "towns", "strikes"

PHRASES = [
    # killed: verbs and verbal nouns before the number
    ("قتل 12 مدنياً في قصف جوي على البلدة", 12, K, "exact", "civilians"),
    ("أسفر القصف عن مقتل 7 أطفال", 7, K, "exact", "children"),
    ("استشهد 4 مواطنين جراء سقوط قذائف", 4, K, "exact", "civilians"),
    ("وثق المرصد مقتل 23 عنصراً من قوات النظام", 23, K, "exact", "regime"),
    ("لقي 6 مقاتلين من قسد مصرعهم في الاشتباكات", 6, K, "exact", "sdf"),
    ("قضى 9 أشخاص في انفجار عبوة ناسفة", 9, K, "exact", None),
    ("ارتفعت الحصيلة إلى 41 قتيلاً", 41, K, "exact", None),
    ("سقط 15 قتيلاً من المسلحين الموالين للنظام", 15, K, "exact", "regime"),
    ("قتل نحو 60 عنصراً من داعش في الغارات", 60, K, "approx", "isis"),
    ("قتل حوالي 35 شخصاً في المدينة", 35, K, "approx", None),
    ("قتل قرابة 90 مسلحاً من التنظيم", 90, K, "approx", "isis"),
    ("قتل ما يقارب 200 عنصر من الحرس الثوري الإيراني", 200, K, "approx", "iran"),
    ("مقتل ما يقرب من 3 آلاف مقاتل من الطرفين", 3000, K, "approx", None),
    ("قتل أكثر من 80 مدنياً خلال الهجوم", 80, K, "more_than", "civilians"),
    ("مقتل ما يزيد عن 120 عنصراً من التنظيم", 120, K, "more_than", "isis"),
    ("مقتل ما يزيد على 45 جندياً من جيش النظام", 45, K, "more_than", "regime"),
    ("قتل ما لا يقل عن 27 مدنياً", 27, K, "at_least", "civilians"),
    ("قتل 16 شخصاً على الأقل", 16, K, "at_least", None),
    ("مقتل 8 على الأقل من عناصر حزب الله", 8, K, "at_least", "hezbollah"),
    ("قتل ثلاثة مدنيين في القصف", 3, K, "exact", "civilians"),
    ("مقتل خمسة عناصر من الشرطة", 5, K, "exact", None),
    ("قتل عشرة أشخاص في القصف", 10, K, "exact", None),
    ("قتل أحد عشر مقاتلاً في الكمين", 11, K, "exact", None),
    ("مقتل خمسة وعشرين عنصراً من التنظيم", 25, K, "exact", "isis"),
    ("قتل مئة وخمسون شخصاً في المعارك", 150, K, "exact", None),
    ("قتل طفلان في غارة على القرية", 2, K, "exact", "children"),
    ("قتل مئتي شخص في المجزرة", 200, K, "exact", None),
    ("قتل ستة عشر مدنياً في القصف", 16, K, "exact", "civilians"),
    ("وأصيب 12 آخرون بجروح", 12, W, "exact", None),
    ("مقتل عنصرين من قسد بانفجار لغم", 2, K, "exact", "sdf"),
    ("قتل ٤٢ مدنياً في الغارات", 42, K, "exact", "civilians"),
    ("وثق المرصد مقتل ١٬٢٠٥ عناصر من التنظيم", 1205, K, "exact", "isis"),
    ("ارتفع عدد القتلى إلى 1,430 عنصراً", 1430, K, "exact", None),
    ("قتلت 3 نساء في القصف", 3, K, "exact", "women"),
    ("قُتل 14 مدنياً، بينما أصيب آخرون", 14, K, "exact", "civilians"),
    ("وأوضح المصدر أن 19 مسلحاً من داعش قتلوا في الكمين", 19, K, "exact", "isis"),
    ("وكان 26 عنصراً من قوات النظام قد قضوا في الهجوم", 26, K, "exact", "regime"),
    ("فيما لقي 13 مدنياً حتفهم", 13, K, "exact", "civilians"),
    ("ليرتفع إلى 517 عدد عناصر التنظيم ممن قتلوا منذ بدء المعركة", 517, K, "exact", "isis"),
    ("ارتفع إلى 88 عدد المدنيين الذين قضوا في القصف", 88, K, "exact", "civilians"),
    ("ويرفع إلى 64 تعداد من قتلوا خلال الأيام الماضية", 64, K, "exact", None),
    ("أسفرت الغارات عن مقتل أكثر من 40 شخصاً وجرح العشرات", 40, K, "more_than", None),
    ("ارتفعت حصيلة المجزرة إلى 22 شهيداً", 22, K, "exact", None),
    ("خسرت قوات النظام 33 من عناصرها", 33, K, "exact", "regime"),
    ("أعلن الجيش القضاء على 20 إرهابياً من جبهة النصرة", 20, K, "exact", "hts"),
    ("وقتل في الهجوم ضابطان من الجيش", 2, K, "exact", "regime"),
    ("مقتل 7 من مقاتلي الفصائل", 7, K, "exact", None),
    ("وأوقعت الاشتباكات 18 قتيلاً في صفوف قسد", 18, K, "exact", "sdf"),
    # wounded
    ("أصيب 20 شخصاً بجروح متفاوتة", 20, W, "exact", None),
    ("إصابة 11 مدنياً بجراح", 11, W, "exact", "civilians"),
    ("جرح نحو 30 مواطناً في القصف", 30, W, "approx", "civilians"),
    ("وأسفر الانفجار عن إصابة أكثر من 50 شخصاً", 50, W, "more_than", None),
    ("سقوط 9 جرحى بين المدنيين", 9, W, "exact", "civilians"),
    ("وإصابة ثلاثين آخرين بجروح", 30, W, "exact", None),
    ("تسبب القصف بجرح جنديين من قوات النظام", 2, W, "exact", "regime"),
    ("وصل 17 جريحاً إلى المشفى الميداني", 17, W, "exact", None),
    # executed
    ("أعدم التنظيم 12 شخصاً بتهمة التعامل مع التحالف", 12, X, "exact", None),  # the executioner is not the party counted
    ("إعدام 5 مدنيين رمياً بالرصاص", 5, X, "exact", "civilians"),
    ("وثق المرصد إعدام أكثر من 300 معتقل لدى التنظيم", 300, X, "more_than", "detainees"),
    ("أقدم التنظيم على إعدام سبعة من عناصره", 7, X, "exact", "isis"),
    # arrested, kidnapped
    ("اعتقلت قوات النظام 25 شاباً من البلدة", 25, A, "exact", None),
    ("اعتقال نحو 40 شخصاً خلال حملة دهم", 40, A, "approx", None),
    ("وصل عدد المعتقلين في السجن إلى 120 معتقلاً", 120, A, "exact", "detainees"),
    ("وجرى اعتقال 6 عناصر من التنظيم", 6, A, "exact", "isis"),
    ("نحو 900 عنصر من التنظيم ممن جرى اعتقالهم خلال الأسابيع الماضية", 900, A, "approx", "isis"),
    ("اختطف التنظيم 30 مدنياً من المخيم", 30, KD, "exact", "civilians"),
    ("أخذ المسلحون 14 عائلة رهائن", 14, KD, "exact", None),
    ("خطف مجهولون 4 أطفال من القرية", 4, KD, "exact", "children"),
    # exits
    ("خروج 450 شخصاً من الجيب خلال اليوم", 450, E, "exact", None),
    ("خرج أكثر من 1200 مدني من مناطق التنظيم", 1200, E, "more_than", "civilians"),
    ("وتمكن نحو 300 شخص من الخروج من الجيب", 300, E, "approx", None),
    ("ما لا يقل عن 60 شخصاً خرجوا من الباغوز", 60, E, "at_least", None),
    ("استسلم قرابة 70 عنصراً من التنظيم لقسد", 70, E, "approx", "isis"),
    ("ليرتفع إلى 5400 عدد الأشخاص الذين خرجوا من الجيب", 5400, E, "exact", None),
    ("وصلت عمليات الخروج إلى أكثر من 8 آلاف شخص", 8000, E, "more_than", None),
    ("غادر المخيم 230 شخصاً عائدين إلى قراهم", 230, E, "exact", None),
    ("إجلاء 700 مدني من الحي المحاصر", 700, E, "exact", "civilians"),
    ("بفرار أكثر من 900 شخص من الجيب", 900, E, "more_than", None),
    ("وقال إن 40 عنصراً سلموا أنفسهم لقوات سوريا الديمقراطية", 40, E, "exact", None),  # they surrendered to قسد, they are not its own
    # displaced
    ("نزوح أكثر من 50 ألف مدني من ريف المحافظة", 50000, D, "more_than", "civilians"),
    ("نزح نحو 12 ألف شخص خلال أسبوع", 12000, D, "approx", None),
    ("يقيم 30 ألف نازح في المخيم", 30000, D, "exact", None),
    ("فر ما يزيد عن 15 ألفاً من منازلهم", 15000, D, "more_than", None),
    ("تهجير 2500 عائلة من البلدة", 2500, D, "exact", None),
    ("نزوح ألفي عائلة من القرى الحدودية", 2000, D, "exact", None),
    ("أكثر من 200 ألف نازح في المنطقة", 200000, D, "more_than", None),
    # territory
    ("حصر التنظيم في مساحة تبلغ نحو 6 كلم مربع", 6, T, "approx", "isis"),
    ("سيطرت قسد على 15 كم مربع من الأراضي", 15, T, "exact", "sdf"),
    ("استعادة أكثر من 2500 كيلومتر مربع في البادية", 2500, T, "more_than", None),
    ("لا يزال التنظيم يسيطر على أقل من 2 كلم مربع", 2, T, "less_than", "isis"),
    ("تقلصت مناطق التنظيم إلى آخر 5 كلم", 5, T, "approx", "isis"),
    ("القصف يتركز على الـ 2 كلم الأخيرة المتبقية للتنظيم", 2, T, "approx", "isis"),
    ("حصرت القوات التنظيم في أقل من 7 كلم من المنطقة", 7, T, "less_than", "isis"),
    ("تقدر مساحته بنصف كيلومتر مربع", 0.5, T, "approx", None),
    ("سيطرت القوات على نصف مساحة المدينة", 50, T, "exact", None),
    ("سيطرت قسد على أكثر من ثلث مساحة البلدة", 33.3, T, "more_than", "sdf"),
    ("باتت القوات تسيطر على 80% من المدينة", 80, T, "exact", None),
    ("سيطر التنظيم على نحو ٦٠٪ من مساحة المحافظة", 60, T, "approx", "isis"),
    ("انتزعت القوات 40 بالمئة من أراضي الريف", 40, T, "exact", None),
    # troops, fighters, trucks, villages, towns, strikes
    ("وصل نحو 500 جندي من القوات الأمريكية إلى القاعدة", 500, TR, "approx", "us_forces"),
    ("انتشار 300 جندي روسي في المنطقة", 300, TR, "exact", "russia"),  # the adjective names the party (`روسي`)
    ("يتحصن قرابة 2000 عنصر من التنظيم في الجيب", 2000, F, "approx", "isis"),
    ("يوجد نحو 5 آلاف داعشي في البادية", 5000, F, "approx", "isis"),
    ("دخلت 120 شاحنة محملة بالأسلحة", 120, TK, "exact", None),
    ("وصول ما لا يقل عن 80 شاحنة تابعة للتحالف الدولي", 80, TK, "at_least", "coalition"),
    ("رتل مؤلف من 25 آلية عسكرية", 25, TK, "exact", None),
    ("دخول شاحنتين محملتين بالذخيرة", 2, TK, "exact", None),
    ("سيطرت قوات النظام على 14 قرية في الريف الجنوبي", 14, V, "exact", "regime"),
    ("تمكن التنظيم من السيطرة على أكثر من 9 قرى", 9, V, "more_than", "isis"),
    ("يضم الجيب 3 بلدات رئيسية", 3, TW, "exact", None),
    ("نفذت طائرات التحالف 46 غارة جوية", 46, S, "exact", "coalition"),
    ("ليرتفع إلى 31 عدد الغارات التي نفذتها الطائرات الروسية", 31, S, "exact", "russia"),
    ("ألقى الطيران المروحي أكثر من 60 برميلاً متفجراً", 60, S, "more_than", None),
    ("استهدفت المدينة بنحو 200 قذيفة", 200, S, "approx", None),
    ("أطلقت قوات النظام 12 صاروخاً على البلدة", 12, S, "exact", "regime"),
    # other
    ("تضم المحافظة أكثر من مليون شخص", 1_000_000, "other", "more_than", None),
    ("يعيش في المدينة ثلاثة ملايين شخص", 3_000_000, "other", "exact", None),
    ("بات الجيب بمساحة لا تقل عن 12 كم مربع", 12, T, "at_least", None),
    ("تقلصت مناطق التنظيم إلى مساحة لا تزيد على 9 كلم مربع", 9, T, "at_most", "isis"),
    # whose figure: the role a name plays, not the nearest name
    ("بات التنظيم محاصراً من قبل قسد والتحالف في أقل من 4 كلم مربع", 4, T, "less_than", "isis"),
    ("مقتل 5 عناصر بقصف طائرات التحالف على البلدة", 5, K, "exact", None),
    ("نفذت طائرات التحالف 40 غارة على مواقع التنظيم", 40, S, "exact", "coalition"),
    ("وتمكنت قسد من طرد التنظيم من 12 قرية", 12, V, "exact", "sdf"),
    ("قتل 8 من عناصر التنظيم في اشتباكات مع قسد", 8, K, "exact", "isis"),
    ("يحاول التنظيم فتح ممر للخروج بعد محاصرته من قبل قسد في مساحة تقل عن 5 كلم مربع", 5, T, "less_than", "isis"),  # the subject, through its pronoun
    # the governing predicate, far before the count or after it, across a clause
    ("قتل خلال الاشتباكات العنيفة التي استمرت حتى فجر اليوم على أطراف الحي الشرقي 37 عنصراً من التنظيم", 37, K, "exact", "isis"),
    ("لقي خلال يومين من القصف المتواصل على القرى الواقعة شمال النهر 16 جندياً من قوات النظام حتفهم", 16, K, "exact", "regime"),
    ("اعتقلت الأسايش في حملة دهم واسعة طالت ثلاثة أحياء من المدينة فجر الأحد 52 شاباً", 52, A, "exact", None),
    ("أعدم التنظيم في ساحة البلدة، بعد محاكمة سريعة أمام أهالي الحي، 9 مواطنين", 9, X, "exact", "civilians"),
    ("وكان 44 مسلحاً من الفصائل، بحسب ما أكدته مصادر محلية للمرصد، قد قضوا في الكمين", 44, K, "exact", None),
    ("سلّم قرابة 600 مقاتل من التنظيم أنفسهم للقوات", 600, E, "approx", "isis"),
    ("وصل إلى مناطق سيطرة القوات خلال الليل 85 شخصاً من الجيب", 85, E, "exact", None),
    ("وقال الناطق باسم قسد إن 260 مسلحاً سلموا أنفسهم", 260, E, "exact", None),  # the spokesman's party tells, it does not surrender
    ("قال المرصد إن 120 مدنياً وصلوا إلى مناطق القوات", 120, E, "exact", "civilians"),
    ("وصل 340 شخصاً إلى مناطق سيطرة القوات قادمين من الجيب", 340, E, "exact", None),
    ("غادر أكثر من 160 شاباً البلدة قبل الهجوم", 160, E, "more_than", None),
    ("انفجرت سيارة مفخخة راح ضحيتها 6 نساء من المخيم", 6, K, "exact", "women"),
    ("أعلنت الوزارة تحييد 25 مسلحاً في الكمين", 25, K, "exact", None),
    ("نحر عناصر التنظيم 3 رعاة في البادية", 3, X, "exact", None),
    ("قتل في القصف الذي طال الأحياء السكنية ومحيط المشفى منذ ساعات الصباح الأولى 9 مسعفين", 9, K, "exact", None),
    ("خرج 800 نازح من المخيم باتجاه قراهم", 800, E, "exact", None),  # the displaced left a camp: an exit
    ("نزح 1200 شخص إلى مناطق سيطرة القوات", 1200, D, "exact", None),
    # a bare number named by an "عدد ..." phrase before it
    ("وارتفع عدد القتلى المدنيين منذ مطلع الشهر إلى 412", 412, K, "exact", "civilians"),
    ("بلغ عدد الخارجين من المدينة المحاصرة حتى مساء أمس 7340", 7340, E, "exact", None),
    ("وصل عدد النازحين من القرى الحدودية إلى 18500", 18500, D, "exact", None),
    ("بلغ عدد المعتقلين لدى الأسايش 260", 260, A, "exact", "detainees"),
    ("ارتفع عدد الغارات التي نفذها الطيران الروسي على ريف المحافظة إلى 95", 95, S, "exact", "russia"),
    # neighbouring categories: fled their homes (displaced) or left a pocket (exits); held after surrender
    ("فر 3 آلاف مواطن من بيوتهم إلى المخيمات", 3000, D, "exact", "civilians"),
    ("فر 230 شخصاً من الجيب عبر الممر", 230, E, "exact", None),
    ("احتجزت قسد 75 عنصراً سلموا أنفسهم بعد خروجهم من الجيب", 75, A, "exact", None),
    ("خطف مسلحون مجهولون 5 من العاملين في المنظمة", 5, KD, "exact", None),
    ("وبلغ عدد الواصلين إلى المخيمات 14.750 نازحاً", 14750, D, "exact", None),  # a dot between thousands
    ("وتقلص الجيب إلى 1.5 كم مربع", 1.5, T, "exact", None),  # and a decimal point in an area
    # territory in fractions, brackets and superscripts
    ("بسطت القوات سيطرتها على قرابة نصف مدينة منبج", 50, T, "approx", None),
    ("أصبح التنظيم يسيطر على ربع بلدة السوسة", 25, T, "exact", "isis"),
    ("تبلغ مساحة الجيب (36) كلم مربع", 36, T, "exact", None),
    ("انتزعت القوات ما يزيد على 70 كم² من البادية", 70, T, "more_than", None),
    ("حررت القوات 140 كلم2 من أراضي الريف", 140, T, "exact", None),
    ("تقلص الجيب إلى نصف كيلومتر مربع", 0.5, T, "exact", None),
    ("أقرت الوزارة بمقتل سبعة من عسكرييها في الكمين", 7, K, "exact", None),
    ("وجرى توقيف 11 مشتبهاً بهم عند الحاجز", 11, A, "exact", None),
    ("وقتل قرب مواقع قوات النظام 3 جنود روس بانفجار لغم", 3, K, "exact", "russia"),  # the name right after the noun
    # counts in words after their noun, partitives, definite numbers, duals of verbs
    ("أسفرت الغارة عن مقتل طفل واحد وإصابة والدته", 1, K, "exact", "children"),
    ("أصيب جندي واحد في الانفجار", 1, W, "exact", None),
    ("قتل مسعفين اثنين في الغارة الثانية", 2, K, "exact", None),
    ("أصيب طفلين اثنين في القصف", 2, W, "exact", "children"),  # one count of two, not two
    ("وأعدم التنظيم المعتقلين الستة رمياً بالرصاص", 6, X, "exact", "detainees"),
    ("وكان خمسة منهم قد قضوا في الغارة الأولى", 5, K, "exact", None),
    ("اعتقلت الدورية سبعة منهن على الأقل", 7, A, "at_least", None),
    ("وتبين أن اثنين من العمال الأجانب قتلا في الحريق", 2, K, "exact", None),
]


@pytest.mark.parametrize("sentence, value, category, qualifier, party", PHRASES, ids=[p[0][:40] for p in PHRASES])
def test_phrase(sentence: str, value: float, category: str, qualifier: str, party: str | None) -> None:
    figures = [f for f in find_figures(sentence, (), None) if f.value is not None]
    assert [f.value for f in figures] == [value], figures
    figure = figures[0]
    assert (figure.category, figure.qualifier, figure.party) == (category, qualifier, party)
    assert figure.text == sentence[figure.start : figure.end]


def test_a_joining_phrase_shares_the_verb_as_and_does() -> None:
    figures = find_figures("قتل 14 عنصراً من الفصائل فضلاً عن ستة مستشارين روس", (), None)
    assert [(f.value, f.category, f.party) for f in figures] == [(14, K, None), (6, K, "russia")]


def test_a_verb_before_governs_its_count_not_one_past_another() -> None:
    figures = find_figures("قتل خلال القصف على أطراف البلدة 4 مدنيين في حي يتحصن فيه نحو 300 عنصر من التنظيم", (), None)
    assert [(f.value, f.category) for f in figures] == [(4, K), (300, F)]


def test_a_verb_after_a_count_with_its_own_object_is_not_the_first_counts() -> None:
    figures = find_figures("انتشر 400 جندي روسي في المدينة، وقتل 5 مدنيين في القصف", (), None)
    assert [(f.value, f.category) for f in figures] == [(400, TR), (5, K)]


def test_a_party_one_noun_gives_is_not_shared_with_the_count_beside_it() -> None:
    figures = find_figures("وقتل في المعارك 210 مدنياً و340 مقاتلاً منذ بدء الهجوم", (), None)
    assert [(f.value, f.category, f.party) for f in figures] == [(210, K, "civilians"), (340, K, None)]


def test_table_is_large_enough() -> None:
    assert len(PHRASES) >= 100
