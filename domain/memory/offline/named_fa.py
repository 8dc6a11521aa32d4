"""Things a Persian support chat names by the shape of the phrase, with no shaped value
(no digits, no code) for a cue to key:

- an item read back by its model, its colour with it: «کاناپه سه‌نفره مدل آرمیتا، رنگ
  طوسی», «کاشی مدل آتنا طوسی», or as the customer's appliance: «کولرتون گری ۲۴ هزار
  اینورتر هست» (``product``);
- a route: «پرواز اصفهان به کیش», «بلیت تهران به مشهد» (``route``);
- a shop's branch: «از پیتزا نارون شعبه ستارخان» (``branch``);
- a document to bring: «اصل کارت ملی لازمه» (``documents_to_bring``).

The whole phrase is the value, so the context says what was bought or booked, not only
a code; each is kept under a key of its own and never replaces another thing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from domain.memory.offline.lexicon import (
    PERSIAN_ACKNOWLEDGEMENTS,
    PERSIAN_STOP_WORDS,
    PERSIAN_YES,
    REPLY_NOUNS,
    word_set,
)
from domain.memory.offline.values import FA_LETTERS

_FA = FA_LETTERS
_WORD = rf"[{_FA}]{{2,}}"
#: One word of a model's name, digits of any script in it: «گری», «۲۴», «A54».
_NAME_PART = rf"(?:[{_FA}]{{2,}}|[A-Za-z0-9\u06f0-\u06f9][A-Za-z0-9\u06f0-\u06f9-]*)"
_MODEL_WORD = rf"(?:[{_FA}]{{2,}}|[A-Za-z0-9][A-Za-z0-9-]*)"

#: Colours said after a model's name without «رنگ»: «مدل آتنا طوسی» (the grey Atena).
_FA_COLOURS = (
    r"سفید|مشکی|سیاه|طوسی|خاکستری|نقره[\u200c\s]?ای|طلایی|کرم|بژ|قهوه[\u200c\s]?ای|آبی"
    r"|سرمه[\u200c\s]?ای|سبز|قرمز|زرشکی|صورتی|بنفش|زرد|نارنجی|یشمی|فیروزه[\u200c\s]?ای"
)
_ITEM = re.compile(
    rf"(?<![{_FA}])(?P<kind>{_WORD}(?:\s+{_WORD}){{0,2}})\s+مدل\s+"
    rf"(?P<model>{_MODEL_WORD}(?:\s+[A-Za-z0-9][A-Za-z0-9-]*)?)"
    # a colour offered as one of two («سفید یا نقره‌ای؟») is not chosen: no part of the model
    rf"(?:\s*[،,]?\s*(?:رنگ\s+{_WORD}|(?:{_FA_COLOURS})(?![{_FA}])(?!\s*یا(?![{_FA}]))))?"
    rf"(?![{_FA}A-Za-z0-9])"
)
#: «کولرتون گری ۲۴ هزار اینورتر هست»: the customer's appliance read back by what it is.
_YOUR_APPLIANCE = re.compile(
    rf"(?<![{_FA}])(?:کولر|یخچال|گوشی|لپ[\u200c\s]?تاپ|تلویزیون|لباسشویی|ظرفشویی|مودم|اجاق"
    rf"|پکیج|آبگرمکن|جاروبرقی|ماشین)(?:تون|تان|ت|ش|شون)\s+"
    rf"(?P<value>{_NAME_PART}(?:\s+{_NAME_PART}){{0,4}})\s+(?:هست|است|هستش)(?![{_FA}])"
)
_ROUTE = re.compile(
    rf"(?<![{_FA}])(?:پرواز|مسیر|بلیت|بلیط|سفر|قطار|اتوبوس)(?:های|ها)?\s+"
    rf"(?:(?:رفت|برگشت)\s+)?(?P<value>{_WORD}\s+به\s+{_WORD})(?![{_FA}])"
)
_BRANCH = re.compile(
    rf"(?<![{_FA}])(?:از|رستوران|فروشگاه)\s+(?P<value>(?:{_WORD}\s+){{1,3}}شعبه\s+{_WORD})"
    rf"(?![{_FA}])"
)
#: «اصل کارت ملی لازمه», «کپی شناسنامه رو همراه داشته باشید»: what to bring along.
_DOCUMENT = re.compile(
    rf"(?<![{_FA}])(?P<value>(?:اصل|کپی|تصویر)?\s*(?:کارت\s*ملی|شناسنامه|گذرنامه|پاسپورت|فاکتور"
    rf"|رسید|گواهی[\u200c\s]?نامه|دفترچه\s*بیمه|معرفی[\u200c\s]?نامه|کارت\s*گارانتی|مدارک)"
    rf"(?:\s+{_WORD}){{0,2}}?)\s+(?:(?:رو|را)\s+)?(?:لازمه|لازم\s*است|لازم\s*دارید"
    rf"|همراه(?:تون|تان)?\s*(?:باشه|باشد|داشته\s*باشید|بیارید|بیاورید)|بیارید|بیاورید)(?![{_FA}])"
)
#: Words that name no thing: «این مدل», «کدوم مدل», «پرواز شما به کیش», «از این شعبه».
_NOT_A_NAME = PERSIAN_STOP_WORDS | {
    "این",
    "اون",
    "آن",
    "کدوم",
    "کدام",
    "هر",
    "همین",
    "همون",
    "چه",
    "شما",
    "ما",
    "من",
    "ساعت",
}


#: Words that open a reply or a clause and name no thing: «آره مدل آتنا رو دیدم» (yes, …),
#: «ما معمولا سرامیک مدل راک پیشنهاد میدیم» (we usually suggest …).
_OPENING_WORDS = (
    PERSIAN_YES
    | (PERSIAN_ACKNOWLEDGEMENTS - REPLY_NOUNS)  # «چشم پزشکی» names a thing
    | word_set(
        """
        نه خب خوب ببین ببینید پس ولی اما یعنی معمولا معمولاً فقط الان احتمالا احتمالاً
        همیشه البته راستش بعد قبلا قبلاً
        """
    )
)


#: What is chosen, named by its head noun, and the key of the choice: a later choice of the
#: same kind replaces the earlier one.
_CHOICE_HEADS = {
    "بیمه": "insurance",
    "کتاب": "textbook",
    "قسط": "instalment_plan",
    "طرح": "plan",
}
#: A book by its Latin title after «کتاب», a few words between perhaps: «کتاب American English
#: File 3 رو …», «کتابم عوض میشه، American English File 4» (the book changes too).
_TEXTBOOK = re.compile(
    rf"(?<![{_FA}])کتاب(?:م|ش|تون|تان)?(?:\s+[{_FA}\u200c]{{2,}}){{0,3}}\s*[،,:]?\s*"
    r"(?P<value>[A-Z][A-Za-z'’-]+(?:\s+(?:[A-Z][A-Za-z'’-]+|\d{1,2})){0,5})(?![A-Za-z0-9])"
)
#: Cover said as taken: «بیمه بدنه کامل اضافه شد», «بیمه تکمیلی ثبت شد»; the cover only offered
#: («بیمه بدنه رو هم میتونید اضافه کنید») is not taken yet.
_INSURANCE = re.compile(
    rf"(?<![{_FA}])(?P<value>بیمه(?:\s+{_WORD}){{1,3}}?)\s+(?:اضافه|ثبت|فعال)\s*شد(?![{_FA}])"
)
#: How many instalments: «دو قسط», «کلا میشه سه قسط», «۱۵ قسط» (not «قسط اول», the first one);
#: a number is read whole, in either script.
_INSTALMENTS = re.compile(
    rf"(?<![{_FA}\d])(?P<value>(?:دو|سه|چهار|پنج|شش|[2-9۲-۹]|[1-9۱-۹][0-9۰-۹])\s*قسط)(?![{_FA}])"
)
#: A plan or package by its tier: «طرح طلایی», «پکیج نقره‌ای», «بسته اقتصادی», «پلن Premium»;
#: a tier word is needed, since «طرح» is also a design and «بسته» a parcel or "closed".
_PLAN_TIERS = (
    r"طلایی|نقره[\u200c\s]?ای|برنزی|الماس|الماسی|پلاتینیوم|ویژه|پایه|اقتصادی|حرفه[\u200c\s]?ای"
    r"|استاندارد|نامحدود"
)
_PLAN = re.compile(
    rf"(?<![{_FA}])(?P<value>(?:طرح|پکیج|بسته|پلن|اشتراک|تعرفه)\s+"
    rf"(?:(?:{_PLAN_TIERS})(?![{_FA}])|[A-Z][A-Za-z]+(?:\s+[A-Z0-9][A-Za-z0-9]*)?(?![A-Za-z0-9])))"
)
#: Persian puts the verb at the end of its clause, so what is done with a thing is said after
#: it, before the clause ends (a stop, a comma, «ولی», «اما»).
_CLAUSE_END = re.compile(rf"[.،,؛;!؟?\n]|(?<![{_FA}])(?:ولی|اما)(?![{_FA}])")
#: A verb said not to happen: «نمیخوام» (I don't want), «نخواستم», «ندارم», «نیست»; and the
#: instalments paid or owed, not the plan: «سه قسط رو پرداخت کردم», «پنج قسط عقب افتاده
#: دارم», «دو قسط مونده». Only the verb said of the value itself counts: the words up to the
#: first verb, «که» or «و» after it («سه قسط میخوام نمیتونم یکجا بدم» still chooses three);
#: paying to come («پرداخت میکنم») chooses the plan, paying done («پرداخت کردم») does not.
_NOT_CHOSEN_AFTER = re.compile(
    rf"(?<![{_FA}])(?:نمی|ن(?:خوا|کرد|کن|دار|داشت|گرفت|گیر|یست|شد|شه|باش|داد|ده)"
    rf"|پرداخت(?!\s*(?:می|می\u200c)?(?:کنم|کنیم|کنه|کند|شه|شود)(?![{_FA}]))"
    rf"|عقب|معوق|مونده|مانده|باقی)"
)
#: «نه» right before a value sets it aside: «سه قسط رو انتخاب میکنم نه پنج قسط» (three, not
#: five), «… رو میخوام، نه کتاب Top Notch».
_NOT_THIS = re.compile(rf"(?<![{_FA}])نه\s+$")
#: Verbs said after a value that end what is said of it: «بشه», «کنید», «کردم», «شد».
_VERBS = frozenset(
    [
        "شد",
        "شده",
        "بشه",
        "بشود",
        "شود",
        "کن",
        "کنید",
        "کنین",
        "کردم",
        "کردیم",
        "کرده",
        "است",
        "هست",
        "نیست",
        "دارم",
        "ندارم",
        "باشه",
        "بدم",
        "بدید",
        "مونده",
        "مانده",
        "افتاده",
    ]
)


@dataclass(frozen=True)
class NamedThing:
    key: str
    start: int
    end: int
    text: str


def things_named(text: str) -> list[NamedThing]:
    return [*_items(text), *_places(text)]


def choices_named(sentence: str) -> list[NamedThing]:
    """The textbook, the insurance cover, the instalment plan and the plan a Persian sentence says
    are chosen (the caller skips questions): not refused, not counted as paid or owed."""
    found = []
    heads = (("کتاب", _TEXTBOOK), ("بیمه", _INSURANCE), ("قسط", _INSTALMENTS), ("طرح", _PLAN))
    for head, pattern in heads:
        for match in pattern.finditer(sentence):
            start, end = match.span("value")
            if _not_chosen_after(sentence, end) or _NOT_THIS.search(sentence, 0, match.start()):
                continue
            if head == "طرح" and not _plan_taken(sentence, end):
                continue
            found.append(NamedThing(_CHOICE_HEADS[head], start, end, match["value"]))
    for match in _PICKED_BY_NAME.finditer(sentence):
        start, end = match.span("value")
        if _IF_BEFORE.search(sentence, 0, start) or _NOT_THIS.search(sentence, 0, start):
            continue
        if any(thing.start <= start < thing.end for thing in found):
            continue
        found.append(NamedThing("chosen_option", start, end, match["value"]))
    return found


#: An option taken by its Latin name alone, the verb of taking right after it, as the Thai
#: «เอา Express ค่ะ» and the English "Express it is": «Gold رو می‌خوام», «همون Express رو
#: بذارید», «Silver رو انتخاب می‌کنم», «Pro رو فعال کنید». «… باشه» (let it be …) is left out:
#: it is also said of a person («دکترم Sara باشه»). A word between the name and the verb
#: («Gold رو پیشنهاد می‌کنم», I'd suggest Gold) takes nothing; «نمی‌خوام» (I don't want) is no
#: verb of taking, nor is a feature switched on by its acronym («SMS رو فعال کنید»): a name
#: has a small letter.
_PICKED_BY_NAME = re.compile(
    rf"(?<![A-Za-z0-9])(?P<value>[A-Z][a-z][A-Za-z]*(?:\s[A-Z0-9][A-Za-z0-9]*)?)\s+"
    rf"(?:(?:رو|را)\s+)?(?:(?:انتخاب|فعال|ثبت)\s*)?"
    rf"(?:می\u200c?خوا(?:م|هم)|می\u200c?کنم|کنید|کنین|بذارید|بذارین|بذار|بزنید|بزنین"
    rf"|برمی\u200c?دارم|می\u200c?گیرم|بگیرید|بگیرین)(?![{_FA}])"
)
#: A pick only weighed: «اگه Gold رو بگیرم …» (if I take Gold).
_IF_BEFORE = re.compile(rf"(?<![{_FA}])(?:اگه|اگر)\s+(?:\S+\s+){{0,2}}$")


#: A plan taken, said after it: «… رو میخوام», «… رو انتخاب میکنم», «… فعال کنید», «… ثبت شد»,
#: «… بشه», «… باشه»; a plan only named or priced («پکیج نقره‌ای هم هست», «… ماهی ۲۰۰ هزار
#: تومانه») is on offer, not taken.
_PLAN_TAKEN = re.compile(
    rf"(?<![{_FA}])(?:می\u200c?خوام|میخواهم|انتخاب|فعال|ثبت|بشه|باشه|بذار|بزن|بگیرم|عوض)"
)


def _plan_taken(sentence: str, end: int) -> bool:
    clause_end = _CLAUSE_END.search(sentence, end)
    rest = sentence[end : clause_end.start() if clause_end else len(sentence)]
    return _PLAN_TAKEN.search(rest) is not None


def _not_chosen_after(sentence: str, end: int) -> bool:
    """Whether the rest of the clause after a choice refuses it (the textbook not wanted) or
    counts instalments paid or owed."""
    clause_end = _CLAUSE_END.search(sentence, end)
    rest = sentence[end : clause_end.start() if clause_end else len(sentence)]
    return _NOT_CHOSEN_AFTER.search(_verb_said(rest)) is not None


def _verb_said(rest: str) -> str:
    """The words after a value up to its verb: «که» or «و» ends them before it, a verb
    («میخوام», «بشه», «پرداخت کردم») ends them after it."""
    kept: list[str] = []
    for word in rest.split():
        if word in ("که", "و"):
            break
        kept.append(word)
        if word.startswith(("می", "نمی")) or word in _VERBS:
            break
    return " ".join(kept)


def _items(text: str) -> list[NamedThing]:
    found = []
    for match in _ITEM.finditer(text):
        kind = match.group("kind").split()
        while kind and kind[0] in _NOT_A_NAME | _OPENING_WORDS:
            kind = kind[1:]
        model = match.group("model").split()[0]
        if any(word in _NOT_A_NAME for word in kind) or model in _NOT_A_NAME:
            continue
        if kind:
            start = match.start("kind") + match.group("kind").index(kind[0])
        elif match.group("kind").split()[-1] in _OPENING_WORDS and not _not_chosen_after(
            text, match.end()
        ):
            # «آره مدل آتنا»: the model alone; not one said missing or refused («ولی مدل A55
            # فعلا موجود نیست», «نه مدل A54 رو نمیخوام»)
            start = text.index("مدل", match.end("kind"))
        else:
            continue
        found.append(NamedThing("product", start, match.end(), text[start : match.end()]))
    return found


def _places(text: str) -> list[NamedThing]:
    found = []
    places = (
        ("product", _YOUR_APPLIANCE),
        ("route", _ROUTE),
        ("branch", _BRANCH),
        ("documents_to_bring", _DOCUMENT),
    )
    for key, pattern in places:
        for match in pattern.finditer(text):
            words = set(match.group("value").split()) - {"به", "شعبه"}
            if not words & _NOT_A_NAME:
                found.append(
                    NamedThing(key, match.start("value"), match.end("value"), match["value"])
                )
    return found
