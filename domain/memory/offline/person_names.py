"""Other people a customer names in running text: "his name is Marcus Bell", "my sister,
Carla", «اسم برادرم کاوه», "คุณพ่อชื่อณัฐพล ตั้งจิตเจริญ", "เด็กชายภูมิ ตั้งจิตเจริญ"; and
people by the role they play for the customer ("coach Maya Singh": ``trainer_name``, «اوستا
حمید»: ``technician_name``).

A name said with the word for who the person is (father, wife, child …) is keyed by
that relation (``father_name``, ``spouse_name``, ``child_name``); one said with no
relation is ``person_name``. None of them is ever the customer's own name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from domain.memory.offline.holder_names import FA_NAME_WORD
from domain.memory.offline.lexicon import (
    PERSIAN_FILLER,
    PERSIAN_STOP_WORDS,
    RELATIVE_DAYS,
    THAI_PARTICLES,
    word_set,
)
from domain.memory.offline.staff_praised import praised_or_thanked
from domain.memory.offline.thai_cues import THAI_LETTER_NOT_ASKING
from domain.memory.offline.values import FA_LETTERS

_FA = FA_LETTERS

#: Relation → the words for it; the key of a name said with one is ``<relation>_name``.
_RELATIONS: dict[str, tuple[str, str, str]] = {
    # relation: (English, Persian stem, Thai); «ลูก» (child) is not «ลูกค้า» (customer)
    "father": ("father|dad", "پدر|بابا", "คุณพ่อ|พ่อ"),
    "mother": ("mother|mum|mom", "مادر|مامان", "คุณแม่|แม่"),
    "spouse": ("wife|husband", "همسر|شوهر|خانم", "ภรรยา|สามี"),
    "partner": ("partner|girlfriend|boyfriend|fianc[eé]e?", "نامزد", "แฟน"),
    "child": ("son|daughter|kid|child", "پسر|دختر|بچه", "ลูกชาย|ลูกสาว|ลูก(?!ค้า)"),
    "sibling": ("brother|sister", "برادر|داداش|خواهر|آبجی", "พี่ชาย|พี่สาว|น้องชาย|น้องสาว"),
    # English only: (?!) matches nothing
    "neighbour": ("neighbou?r", "(?!)", "(?!)"),
    "friend": ("friend|mate|colleague|co-?worker", "(?!)", "(?!)"),
}

#: The relations that are family or a partner: a neighbour or a friend is none.
KIN_RELATIONS = ("father", "mother", "spouse", "partner", "child", "sibling")

#: Whose names may be of the business's own people, not of the customer's side: praised or
#: thanked, they are no one to keep (``staff_praised``). A relative, a neighbour or a friend
#: is the customer's; a doctor may be the customer's own.
_STAFF = frozenset({"person", "trainer", "adjuster", "technician"})

#: The keys of names of people other than the customer.
RELATION_KEYS = frozenset({f"{relation}_name" for relation in (*_RELATIONS, "person", "doctor")})

#: Capitalised words that open a sentence and name no one.
_NOT_A_NAME = (
    r"(?:Thanks|Thank|Yes|No|Ok|Okay|Sure|Please|Can|Could|Would|Is|Are|Do|Does|What|When"
    r"|Where|Which|How|The|I|It|She|He|They|We|That|This|Just|Also|And|But|So|Hi|Hello)\b"
)
#: Capitalised words after a role that say when or what, not who: "her teacher Friday said",
#: "the tutor English Program", «ครู Native».
WHEN_OR_WHAT = (
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April"
    r"|May|June|July|August|September|October|November|December|Today|Tomorrow|Tonight"
    r"|Native|English|Thai|Program|Programme|Class|Course)\b"
)
_EN_NAME = r"(?P<en>[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){0,2})"
#: A given name and a family name: after a bare "is" one capitalised word may say what the
#: person is ("my wife is British", "my son is Autistic"), two say who.
_EN_FULL_NAME_AHEAD = r"(?=[A-Z][a-z'’-]+\s+[A-Z][a-z'’-])"
#: A title before a name is no name: "my wife is Dr. Ana Ruiz" names Ana Ruiz.
_EN_TITLE = r"(?:Dr|Mr|Mrs|Ms|Miss|Mx|Prof)\.?\s+"
#: A question asks for a name, it gives none: «اسم پدرتون چیه؟».
_FA_ASKING = rf"(?:چیه|چی|چیست|کیه|رو|را)(?![{_FA}])"
_FA_NAME = rf"(?P<fa>(?!{_FA_ASKING}){FA_NAME_WORD}(?:\s+(?!{_FA_ASKING}){FA_NAME_WORD})?)"
#: Words that are no part of a Thai name: none opens one, and after a given name they are no
#: family name ("พิมพ์ดาว เรียน ป.5"); nor praise of a name («ชื่อน่ารักมากค่ะ», what a cute name).
_TH_WORD_AFTER_A_NAME = (
    r"(?:อะไร|ไร|เรียน|อยู่|เป็น|ทำ|จะ|ได้|มา|ไป|ก็|ด้วย|เบอร์|อายุ|ใบขับขี่|ค่ะ|ครับ"
    r"|น่ารัก|เพราะ|สวย|เก๋|เท่)"
)
#: A run of Thai letters in a name: no question word inside it.
_TH_NAME_LETTERS = rf"{THAI_LETTER_NOT_ASKING}{{2,20}}?"
_TH_NAME = (
    rf"(?P<th>(?!{_TH_WORD_AFTER_A_NAME}|{THAI_PARTICLES}){_TH_NAME_LETTERS}"
    rf"(?:\s(?!{_TH_WORD_AFTER_A_NAME}){_TH_NAME_LETTERS})?)"
    rf"(?={THAI_PARTICLES}|\s|$|[.,!?])"
)
#: Thai titles of doctors and dentists: «นพ.», «พญ.», «ทพ.», «นายแพทย์».
_TH_DOCTOR = r"นพ\.|พญ\.|ทพ\.|ทญ\.|ทพญ\.|นายแพทย์|แพทย์หญิง"
_TH_NAME_END = rf"{THAI_PARTICLES}|\s|$|[.,!?]"
_FA_POSSESSIVE = r"(?:م|ش|تون|تان|شون|مون)?"
#: Words after a title and a family name that are no second name: «آقای رحیمی هستن».
_FA_NOT_SURNAME = (
    rf"(?:هستن|هستند|هستید|هستین|گفتن|گفتند|میان|میاد|تماس|زنگ|جان|عزیز|شماره|پیگیری|مدیر|مسئول"
    rf"|راننده|نصاب|پیک|تکنسین|کارشناس|همسایه|صاحب|از|به|هم|گفت|میگه"
    # a greeting, thanks or an apology after the name it is said to: «آقای دهقان سلام»,
    # «خانم کاظمی ممنون», «آقای رضایی ببخشید»
    rf"|سلام|درود|ممنون|ممنونم|مرسی|متشکرم|ببخشید|ببخشین|خسته|خداحافظ|خدانگهدار|وقتتون"
    rf"|روزتون|شبتون|خوش|خوبید|خوبین|لطفا|لطفاً"
    # «پیک این سفارش آقای جعفری بودن»: the verb after the name (were, became)
    rf"|بود|بودن|بودند|شدن|شدند)(?![{_FA}])"
)
#: The most common Persian words that are no given name: time words, pronouns, common nouns and
#: verbs. After a bare title («اوستا فردا میاد؟», «اوستا خودش گفت», «اوستا کار بلده؟») the word
#: is what the sentence says of the craftsman, not his name.
_FA_COMMON_NOT_NAMES = word_set(
    """
    الان الآن هنوز همیشه هیچوقت دیگه بعدا بعداً قبلا قبلاً زود دیر پریروز پسفردا پس‌فردا
    صبح ظهر عصر امسال پارسال هفته ماه سال ساعت دقیقه اول آخر بعد قبل
    خودش خودم خودت خودمون خودتون خودشون اون این اینو اونو اینا اونا ایشون همون همین
    کار کارش کارو چیز چیزی کسی هیچی همه‌چی همه خونه جا اینجا اونجا کجاست
    گفت گفته گفتن میگه اومد اومده اومدن نیومد نیومده رفت رفته نرفت نیست هست بود
    بلده بلد باید نباید حتما حتماً گفتش زنگ تماس پیام جواب اصلا اصلاً واقعا واقعاً
    خوب خوبه خوبن بد بده ارسال تحویل
    """
)
#: A word that is no Persian given name (time words, pronouns, common nouns and verbs).
FA_NOT_A_GIVEN_NAME = (
    "(?:"
    + "|".join(
        sorted(
            PERSIAN_STOP_WORDS | PERSIAN_FILLER | RELATIVE_DAYS | _FA_COMMON_NOT_NAMES,
            key=len,
            reverse=True,
        )
    )
    + rf")(?![{_FA}])"
)
#: The verbs Persian makes compound verbs with that say nothing alone («اسباب‌کشی کردن»,
#: «عذر میخوام»): the word before one is half of the verb, not a name. A light verb that is
#: a verb of its own too («اومدن», «رفتن», «بزنید») may follow a full name: «آقای حسین
#: کریمی اومدن» (its nouns, «زنگ», «تماس», are no family name: ``_FA_NOT_SURNAME``).
_FA_LIGHT_VERB = (
    r"(?:نمی[\u200c\s]?|می[\u200c\s]?|ن|ب)?"
    r"(?:کرد|کن|شد|شو|ش|خواه|خوا|نمود)"
    rf"(?:ن|ند|م|ی|ه|یم|ید|ین|ست)?(?![{_FA}])"
)
#: The endings of a Persian verb for who does it («میره», «میرم», «بگیرید», «فرستادم»).
_FA_PERSON_ENDING = r"(?:م|ی|ه|د|یم|ید|ین|ن|ند|ست)?"
#: The present stems of the everyday verbs (go, come, become, say, want, give, send, take,
#: see, know, put, reach, stay, ask …), and their past stems.
_FA_PRESENT_STEMS = (
    r"ر|ا|آ|ی|ش|گ|گو|خوا|خواه|د|ده|کن|زن|تون|توان|فرست|گیر|بین|دون|دان|ذار|گذار|رس|رسون"
    r"|رسان|مون|مان|خور|پرس|گرد|کش|بر|آر|یار|نویس|خون|خوان|دار|گرد"
)
_FA_PAST_STEMS = (
    r"فرستاد|گفت|زد|داد|کرد|شد|رفت|اومد|آمد|گرفت|خرید|دید|رسید|گذاشت|داشت|خواست|نوشت"
    r"|پرسید|رسوند|رساند|اومده"
)
#: A verb where a name would go: «آقای فرهادی میره» (the code goes to Mr Farhadi), «از آقای
#: فرهادی بگیرید», «برای آقای فرهادی فرستادم». «می» or «نمی» with an everyday stem (not
#: «میرزاده», whose «می» opens a longer word; not «میری», a family name as often as "you
#: go"), an imperative «ب…ید», or a past stem with its ending.
_FA_VERB = (
    rf"(?:(?:(?!میری(?![{_FA}]))(?:ن?می[\u200c\s]?)(?:{_FA_PRESENT_STEMS})"
    rf"|ب(?:{_FA_PRESENT_STEMS})){_FA_PERSON_ENDING}(?![{_FA}])"
    # past: not «…ی», for «کردی» is a family name as well
    rf"|ن?(?:{_FA_PAST_STEMS})(?:م|ه|د|یم|ید|ین|ن|ند)?(?![{_FA}]))"
)
_TH_TITLE = r"(?:คุณ)?"
#: A name with its legal title kept («นายประยูร แก้วมณี», a child's «ด.ช.ภูมิ …» too: the
#: title is part of a full name; «คุณ» is only polite).
_TH_TITLED_NAME = _TH_NAME.replace("(?P<th>", "(?P<th>(?:นางสาว|นาง|นาย)?", 1)


def _relation_words(index: int, tag: int | None = None) -> str:
    """The words for each relation in language ``index``, each a group named after it
    (``tag`` tells the groups of two uses in one pattern apart)."""
    tag = index if tag is None else tag
    return "|".join(f"(?P<{rel}_{tag}>{words[index]})" for rel, words in _RELATIONS.items())


def relation_words(index: int, relations: tuple[str, ...] | None = None) -> str:
    """The words for every relation (or those of ``relations``) in language ``index`` (0
    English, 1 Persian, 2 Thai), one alternation without groups."""
    chosen = _RELATIONS if relations is None else {r: _RELATIONS[r] for r in relations}
    return "|".join(words[index] for words in chosen.values())


_PATTERNS = (
    # "my sister, Carla Moreno", "his wife is called Dana", "my dad's name is Ray"
    re.compile(
        rf"\b(?i:my|his|her|our)\s+(?i:{_relation_words(0)})"
        rf"(?:'s\s+name\s+is|\s+is\s+called|\s+named|,)\s+(?:{_EN_TITLE})?"
        rf"(?!{_NOT_A_NAME}){_EN_NAME}"
    ),
    # "my fiancé is Tom Reyes", "my wife is Dr. Ruiz": a full or a titled name ("my wife is
    # British", "my son is Autistic" say what, not who)
    re.compile(
        rf"\b(?i:my|his|her|our)\s+(?i:{_relation_words(0, 6)})\s+is\s+"
        rf"(?:{_EN_TITLE}|{_EN_FULL_NAME_AHEAD})(?!{_NOT_A_NAME}){_EN_NAME}"
    ),
    # "yourself and Mr. Anders Lindqvist": a titled full name (a title and a family name
    # alone, "Ms. Fernández", may well be the customer)
    re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Mx)\.?\s+(?P<en>[A-Z][a-z'’-]+\s+[A-Z][a-z'’-]+)"),
    # someone by the role they play: "coach Maya Singh", "the adjuster, Tom Reyes"; a new
    # one in the role replaces the old ("Ben works at Riverside only, but coach Maya …")
    re.compile(
        r"\b(?i:(?P<trainer_3>coach|trainer|instructor|teacher|tutor|physio(?:therapist)?)"
        r"|(?P<adjuster_3>adjuster|assessor|inspector)"
        r"|(?P<technician_3>technician|engineer|installer))"
        rf",?\s+(?!{_NOT_A_NAME}|{WHEN_OR_WHAT}){_EN_NAME}"
    ),
    # "his name is Marcus Bell", "her name's Dana"; "could my sister pick up the keys? Her
    # name is Chloe Okafor": whose, from the relation named before it in the message
    re.compile(
        rf"(?:\b(?i:my|our)\s+(?i:{_relation_words(0, 4)})\b[^\n]{{0,120}}?)?"
        rf"\b(?i:his|her|their)\s+(?i:name)(?:'s|\s+is)\s+{_EN_NAME}"
    ),
    # "a mate of mine is going to DJ, Marcus Bell", "my neighbor instead? Linda Ortiz, …":
    # the relation, a few words, then the name after a comma or a question mark
    re.compile(
        rf"\b(?i:a|my|our)\s+(?i:{_relation_words(0, 5)})"
        rf"(?:\s+of\s+(?i:mine|ours))?(?:\s+[A-Za-z'’]+){{0,5}}[,?:]\s+(?:{_EN_TITLE})?(?!{_NOT_A_NAME}){_EN_NAME}"
    ),
    # «اسم برادرم کاوه», «نام پدرش محمود رحیمی»
    re.compile(
        rf"(?<![{_FA}])(?:اسم|نام)\s*(?:ی\s*)?(?:{_relation_words(1)}){_FA_POSSESSIVE}\s+{_FA_NAME}"
    ),
    # «اسمش کاوه»
    re.compile(rf"(?<![{_FA}])اسمش\s+{_FA_NAME}"),
    # «آقای محمود رحیمی، متولد ۱۳۳۸»: a title and a full name (a family name alone, «آقای
    # رحیمی هستن», says too little); «به نام آقای …» is the holder's (``holder_names``).
    re.compile(
        rf"(?<![{_FA}])(?<!نام\s)(?:آقای|خانم|جناب|سرکار\s+خانم)\s+"
        rf"(?P<fa>(?!{_FA_ASKING}){FA_NAME_WORD}\s+"
        rf"(?!{_FA_NOT_SURNAME}|ـ)(?!(?<=ی\s)(?:{FA_NOT_A_GIVEN_NAME}|{_FA_VERB})){FA_NAME_WORD})"
        # «آقای سواری ظرفشویی رو درست میکنه؟»: a word the verb takes as its object;
        # «آقای صالحی اسباب‌کشی کردن», «خانم احمدی عذر میخوام»: the first half of a verb
        rf"(?![{_FA}])(?!\s*(?:رو|را)(?![{_FA}]))(?!\s+{_FA_LIGHT_VERB})"
    ),
    # a craftsman by his title and given name, as Persian names one: «اوستا حمید», «استادکار
    # رضا» (the crew's lead); a new one in the role replaces the old, as "installer Tom" does
    re.compile(
        rf"(?<![{_FA}])(?P<technician_3>اوستا|استادکار)\s+"
        rf"(?P<fa>(?!{_FA_ASKING})(?!ن?می)(?!{_FA_NOT_SURNAME})(?!{FA_NOT_A_GIVEN_NAME})"
        rf"{FA_NAME_WORD})(?![{_FA}])"
    ),
    # a teacher or a coach by title and a Latin name, as a Thai school or gym names one: «ครู
    # Olivia», «โค้ช Mike» (a Thai word after «ครู» may say what, «ครูชาวออสเตรเลีย»)
    re.compile(
        r"(?P<trainer_2>คุณครู|ครู|อาจารย์|โค้ช|เทรนเนอร์)\s?"
        rf"(?!{WHEN_OR_WHAT})(?P<en>[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+)?)"
        r"(?![A-Za-z])"
    ),
    # "คุณพ่อชื่อณัฐพล ตั้งจิตเจริญ", "แฟนผมชื่อนุ่น"
    re.compile(
        rf"(?:{_relation_words(2)})(?:ของ)?(?:ผม|ดิฉัน|ฉัน|หนู)?\s*ชื่อ\s*{_TH_TITLE}\s*{_TH_TITLED_NAME}"
    ),
    # a reply that leads with another person's name: "ชื่อพิมพ์ชนก ศรีสุข ใบขับขี่ …"
    re.compile(rf"^\s*ชื่อ\s*{_TH_TITLE}\s*{_TH_TITLED_NAME}"),
    # a child's title: "เด็กชายภูมิ ตั้งจิตเจริญ", "ด.ญ.พิมพ์ดาว"; a legal title, kept
    re.compile(
        r"(?P<th>(?P<child_2>เด็กชาย|เด็กหญิง|ด\.ช\.|ด\.ญ\.)\s*"
        + _TH_NAME.replace("(?P<th>", "(?:", 1)
        + ")"
    ),
    # a doctor by title, the title and the clinic kept: "นพ.ศักดิ์ชัย คลินิกโรคหัวใจ"
    re.compile(
        rf"(?P<th>(?P<doctor_2>{_TH_DOCTOR})\s?[\u0e01-\u0e4e]{{2,20}}?(?={_TH_NAME_END})"
        rf"(?:\s(?:คลินิก|แผนก)[\u0e01-\u0e4e]{{2,30}}?(?={_TH_NAME_END}))?)"
    ),
)


#: "your sister"; Persian says "your" as a suffix: «مادرتون», «همسرتان», «بچه‌هاتون».
_YOUR_RELATION = re.compile(
    rf"\b(?i:your)\s+(?i:{_relation_words(0)})\b"
    rf"|(?<![{_FA}])(?:{_relation_words(1, 7)})(?:\u200c?ها)?\u200c?(?:تون|تان)(?![{_FA}])"
)


def relation_asked(text: str) -> str | None:
    """The key of the name of the customer's relative or friend the assistant's message
    brings up ("I can add your partner as an authorized person", «اسم کامل مادرتون؟»),
    the last one named."""
    found = None
    for match in _YOUR_RELATION.finditer(text):
        found = next(name.rsplit("_", 1)[0] for name, v in match.groupdict().items() if v)
    return None if found is None else f"{found}_name"


@dataclass(frozen=True)
class PersonNamed:
    start: int
    end: int
    name: str
    key: str


def people_named(text: str) -> list[PersonNamed]:
    found: list[PersonNamed] = []
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            group = next(g for g in ("en", "fa", "th") if match.groupdict().get(g))
            if any(p.start == match.start(group) for p in found):
                continue  # "my wife is Mrs. Ana Ruiz": the relation read first says whose
            relation = next(
                (
                    name.rsplit("_", 1)[0]
                    for name, v in match.groupdict().items()
                    if v and "_" in name
                ),
                "person",
            )
            start, end = match.start(group), match.end(group)
            if relation in _STAFF and praised_or_thanked(text, start, end):
                continue  # "the engineer Mark was great": the business's, small talk
            found.append(PersonNamed(start, end, match.group(group), f"{relation}_name"))
    return found


def is_customers_given_name(name: str, customer: str | None, *, spoken_he: bool = True) -> bool:
    """Whether ``name`` opens with the held ``customer``'s given name, its first word, in
    any script ("Dan" of "Dan Whitlock", «مریمه» of «مریم رضایی»): who the customer is, no
    one else. The family name alone is not enough: a father shares it, not her given one.
    A spoken «ه» comes off the name said only, never the held one (held «حمیده», a «حمید»
    said is someone else), and not at all when ``spoken_he`` is false: a copula after the
    name («اسم خانمم حمیده است») says the «ه» is the name's own, Hamideh, not Hamid."""
    if customer is None or not name.split() or not customer.split():
        return False
    said = name.split()[0]
    return customer.split()[0].casefold() in (name_words(said) if spoken_he else {said.casefold()})


def name_words(name: str) -> set[str]:
    """The words of ``name`` to compare with another's, casefolded, each Persian one that
    ends in a spoken «ه» also without it («اسمم مریمه», "my name's Maryam" in speech)."""
    words = set()
    for word in name.casefold().split():
        words.add(word)
        if len(word) > 3 and word.endswith("ه"):
            words.add(word[:-1])
    return words
