"""What a what- or which-question asks for, in the question's own words.

"What colour would you like for the gift box?" asks for a "colour for gift box", «جعبه رو
چه رنگی میخواید؟» for a «رنگ», «ต้องการกล่องสีอะไรคะ» for a «กล่องสี». The words name the
thing a bare answer is of ("colour: burgundy"), and two questions that ask for the same
thing ("What colour?" … "Which colour in the end?") are answered about one thing.

English: the words after "what"/"which"/"how" in its clause, without the words that only
frame a question ("would you like", "should we", "in the end"), and a clause before it that
names what it is for ("For the second ring, which colour?", "And the goalie jerseys — what
colour?"). Persian: the noun after «چه» («چه رنگی» → «رنگ») or «کدوم» («کدوم مدل» → «مدل»)
with the thing it is of («جعبه رو چه رنگی» → «رنگ جعبه», «… برای حلقه اول»), or the words
before «چیه» («اسمتون چیه» → «اسم»). Thai: the words before «อะไร», «ไหน», «ยังไง» in their
clause, without the words that only ask or want («ต้องการ», «เอา», «สุดท้าย»), and what it
is for after it («สีอะไรสำหรับแหวนวงแรก» → «สี สำหรับแหวนวงแรก»). None when the
question names nothing of its own («چی بنویسم؟», «Which one?»).
"""

from __future__ import annotations

import re

from domain.memory.offline.dialogue import is_question
from domain.memory.offline.lexicon import THAI_PARTICLES, word_set
from domain.memory.offline.sentences import split_sentences
from domain.memory.offline.values import FA_LETTERS
from domain.memory.offline.what_questions import asks_what

_FA = FA_LETTERS

#: English words that frame a question and name nothing asked for.
_EN_FRAME = word_set(
    """
    what which how whats s is are was were am be been would will do does did shall should
    can could may might must you we i it they he she them me us your my our his her their
    its the a an this that these those there here like want prefer need needs go get have
    has had tell let know choose pick use settle decide decided put make want wanted
    please then so and but or ok okay great lovely perfect right now again finally final
    actually instead exactly just end today one ones to best kind sort type
    change changed
    """
)
#: Kept between two named words ("colour for gift box"), never at either end.
_EN_LINKS = word_set("for of on with in at from about under out up off down")
_LINKS = _EN_LINKS | word_set("برای واسه")
_EN_WH = re.compile(r"(?<![\w'’])(?:what|which|how)(?:'s|’s)?(?![\w'’])", re.I)
_EN_WORD = re.compile(r"[A-Za-z0-9][\w'’-]*")
_CLAUSE_MARK = re.compile(r"[,;:?.!؟،؛—–]|\s-\s")
#: A clause that names a thing: "the goalie jerseys", "your second ring".
_EN_THING = re.compile(r"(?<![\w'’])(?:the|your|my|our|this|that|these|those)\s+\w", re.I)

#: «چه» or «کدوم» and the noun it asks of; an indefinite «ی» on it goes («رنگی» → «رنگ»).
_FA_WH_NOUN = re.compile(rf"(?<![{_FA}])(?:چه|کدوم|کدام)\s+(?P<noun>[{_FA}\u200c]+)")
#: «…چیه؟»: the words before it are what it asks.
_FA_WHATS = re.compile(rf"(?P<before>(?:[{_FA}\u200c]+\s+){{0,2}}?[{_FA}\u200c]+)\s*(?:چیه|چیست)")
#: A Persian verb or a word that only points or marks: no noun asked for.
_FA_NOT_NOUN = re.compile(
    rf"^(?:ن?می\u200c?[{_FA}]+|ب[{_FA}]+(?:ید|ین|یم)|[{_FA}\u200c]+(?:ید|ین|یم|ترید|ترین)"
    rf"|رو|را|از|به|با|برای|که|هست|است|هستش|باشه|بشه|میشه"
    rf"|(?:برا|به|از|باها)(?:تون|تان|ت|ش|شون|م|مون))$"
)
#: The object named before «چه»/«کدوم», marked «رو»/«را»: «حلقه دوم رو چه رنگی».
_FA_OBJECT = re.compile(rf"(?P<object>(?:[{_FA}\u200c]+\s+){{0,1}}[{_FA}\u200c]+)\s+(?:رو|را)\s+$")
#: The thing named before «چه»/«کدوم» unmarked: «انگشتر دوم چه رنگی», «روبان چه رنگی».
_FA_SUBJECT = re.compile(rf"(?P<object>(?:[{_FA}\u200c]+\s+){{0,1}}[{_FA}\u200c]+)\s+$")
#: Persian words before a question that name nothing: «خب», «حالا», «شما».
_FA_FRAME = re.compile(
    r"^(?:خب|حالا|و|اما|پس|بعد|بعدش|لطفا|لطفاً|دیگه|الان|آخرش|نهایتا|بالاخره|شما|تو|اون|این"
    r"|اینو|اونو|ببخشید|راستی|ممنون|مرسی|عالی|باشه|چشم)$"
)
#: «برای»/«واسه» and the thing after the noun asked: «چه رنگی برای حلقه دوم».
_FA_FOR = re.compile(
    rf"\s+(?:برای|واسه)\s+(?P<thing>(?:[{_FA}\u200c]+\s+)?[{_FA}\u200c]+?)(?=\s|$|[؟?])"
)
_FA_INDEFINITE = re.compile(r"(?<=[\u0621-\u06cc]{2})\u200c?(?:ای|ی)$")
_FA_POSSESSIVE = re.compile(r"(?<=[\u0621-\u06cc]{2})\u200c?(?:تون|تان|شون|شان|مون|مان|ت|ش)$")

_TH_WH = re.compile(r"แบบไหน|อันไหน|อะไร|ไหน|ยังไง|อย่างไร")
#: Thai words before the thing asked that only ask or want it.
#: Whole words only (Thai has no spaces): not «ขอ» of «ของ», «คุณ» of «คุณภาพ», «ส่วน» of
#: «ส่วนลด», nor a word a vowel or tone mark goes on.
_TH_LEAD = re.compile(
    r"^(?:(?:สุดท้าย|ตกลง|แล้วก็|แล้ว|งั้น|ส่วน(?!ลด|ตัว)|ตอนนี้|คุณ(?!ภาพ|ค่า|สมบัติ)|ลูกค้า|พี่"
    r"|จะ|ต้องการ|อยากได้|อยาก|เอา|รับ(?!ประ)|เลือก|ใช้|ขอ(?![งบ])|ชอบ|สะดวก|ให้|มี)"
    r"(?![\u0e30-\u0e3a\u0e45\u0e47-\u0e4e]))+"
)
#: After the Thai question word: only asking and politeness, none of the thing.
_TH_AFTER = re.compile(rf"^(?:ดี|บ้าง|เหรอ|คะ|ครับ|ค่ะ|นะ|จ๊ะ|จ้ะ)+|{THAI_PARTICLES}+$")
_TH_TAIL = re.compile(r"(?:เป็น|ดี|ที่|คือ)+$")
_TH_LETTERS = re.compile(r"^[\u0e01-\u0e4e]+$")

#: A sentence that only names the next item: "Now the cap.", "And for the hoodie:".
_EN_ITEM = re.compile(
    r"^(?:(?:now|and|next|then|ok(?:ay)?|so|great|right)[,\s]+)+(?:for\s+)?"
    r"(?:the|your|this|that)\s+(?P<item>[A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*)?)\s*[.:]?$",
    re.I,
)
#: «แล้วหมวกล่ะคะ», «ส่วนกางเกงล่ะ»: "and the cap?".
_TH_ITEM = re.compile(rf"^(?:แล้วก็|แล้ว|ส่วน)(?P<item>[\u0e01-\u0e4e]{{2,}}?)ล่ะ{THAI_PARTICLES}?[?]?$")
#: «حالا روبان.», «خب، و اما روبان:».
_FA_ITEM = re.compile(
    rf"^(?:(?:خب|حالا|و|اما|بعدش|بعد)[،,\s]+)+(?P<item>[{_FA}\u200c]+(?:\s+[{_FA}\u200c]+)?)"
    rf"\s*[.:]?$"
)

#: Shortest word two spellings of one word share ("colour"/"colours", «رنگ»/«رنگش»).
_MIN_STEM = 3


def asked_topic(question: str) -> str | None:
    """The words of ``question`` that name what it asks for (module doc), or None."""
    sentences = split_sentences(question)
    for at in range(len(sentences) - 1, -1, -1):
        sentence = sentences[at]
        if is_question(sentence) and asks_what(sentence):
            topic = _english(sentence) or _persian(sentence) or _thai(sentence)
            item = names_an_item(sentences[at - 1]) if at and topic else None
            # the item named just before a bare question: "Now the cap. What colour?"
            if topic and item and len(topic.split()) == 1:
                return f"{topic} for {item}" if _EN_WORD.match(item) else f"{topic} {item}"
            return topic
    return None


def asks_again(older: str, newer: str) -> bool:
    """Whether a question of topic ``newer`` asks again what one of topic ``older`` did:
    it names nothing the older did not ("colour" after "colour for gift box"); not one
    that names an item the older did not ("colour for cap" after "colour")."""
    if _TH_LETTERS.match(older.replace(" ", "")) and _TH_LETTERS.match(newer.replace(" ", "")):
        return newer.replace(" ", "") in older.replace(" ", "")
    these, those = _named(newer), _named(older)
    return bool(these and those) and _within(these, those)


def names_an_item(sentence: str) -> str | None:
    """The item a short lead-in sentence names: "Now the cap.", «แล้วหมวกล่ะคะ», «حالا
    روبان.»; None for any other sentence."""
    for pattern in (_EN_ITEM, _TH_ITEM, _FA_ITEM):
        found = pattern.match(sentence.strip())
        if found and not any(_not_an_item(word) for word in found["item"].split()):
            return found["item"]
    return None


def _not_an_item(word: str) -> bool:
    return word.casefold() in _EN_FRAME or bool(_FA_NOT_NOUN.match(word) or _FA_FRAME.match(word))


def _named(topic: str) -> list[str]:
    return [w.casefold() for w in topic.split() if w.casefold() not in _LINKS]


def _within(words: list[str], others: list[str]) -> bool:
    return all(any(_same_word(word, other) for other in others) for word in words)


def _same_word(one: str, other: str) -> bool:
    short, long = sorted((one, other), key=len)
    return short == long or (len(short) >= _MIN_STEM and long.startswith(short))


def _english(sentence: str) -> str | None:
    wh = _EN_WH.search(sentence)
    if wh is None:
        return None
    words = _kept_words(_CLAUSE_MARK.split(sentence[wh.end() :], maxsplit=1)[0])
    clauses = [c for c in _CLAUSE_MARK.split(sentence[: wh.start()]) if c.strip()]
    if words and clauses:
        # the thing it is for, named before it: "For the second ring, which colour?", "And
        # the goalie jerseys — what colour?"; not an address ("Thanks Dan, what colour?")
        named = _kept_words(clauses[-1])
        if named and named[0] not in _EN_LINKS and _EN_THING.search(clauses[-1]):
            named = ["for", *named]
        if named and named[0] in _EN_LINKS:
            words += named
    words = _trimmed(words)
    return " ".join(words) if words else None


def _kept_words(text: str) -> list[str]:
    """The words of ``text`` that name something, and the links between them."""
    return [
        word.casefold()
        for word in _EN_WORD.findall(text)
        if word.casefold() not in _EN_FRAME or word.casefold() in _EN_LINKS
    ]


def _trimmed(words: list[str]) -> list[str]:
    """``words`` without links at either end or two links together."""
    kept: list[str] = []
    for word in words:
        if word in _EN_LINKS and (not kept or kept[-1] in _EN_LINKS):
            continue
        kept.append(word)
    while kept and kept[-1] in _EN_LINKS:
        kept.pop()
    while kept and kept[0] in _EN_LINKS:
        kept.pop(0)
    return kept


def _persian(sentence: str) -> str | None:
    found = _FA_WH_NOUN.search(sentence)
    if found and not _FA_NOT_NOUN.match(found["noun"]):
        words = [_FA_INDEFINITE.sub("", found["noun"])]
        # the thing it is of: «حلقه دوم رو چه رنگی», «چه رنگی برای حلقه دوم»
        before = _CLAUSE_MARK.split(sentence[: found.start()])[-1]
        of = _FA_OBJECT.search(before) or _FA_SUBJECT.search(before)
        words += [w for w in of["object"].split() if not _not_an_item(w)] if of else []
        after = _FA_FOR.match(sentence[found.end() :])
        words += ["برای", *after["thing"].split()] if after else []
        return " ".join(words)
    whats = _FA_WHATS.search(sentence)
    if whats is None:
        return None
    words = [w for w in whats["before"].split() if not _FA_NOT_NOUN.match(w)]
    if not words:
        return None
    words[-1] = _FA_POSSESSIVE.sub("", words[-1])
    return " ".join(words[-2:])


def _thai(sentence: str) -> str | None:
    for clause in sentence.split():
        wh = _TH_WH.search(clause)
        if wh is None:
            continue
        before = _TH_TAIL.sub("", _TH_LEAD.sub("", clause[: wh.start()]))
        if len(before) < 2 or not _TH_LETTERS.match(before):
            return None
        # what it is for, after it: «สีอะไรสำหรับแหวนวงแรกคะ»
        after = _TH_AFTER.sub("", clause[wh.end() :])
        return f"{before} {after}" if after and _TH_LETTERS.match(after) else before
    return None
