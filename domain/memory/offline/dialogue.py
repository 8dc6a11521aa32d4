"""The dialogue around a value: questions asked, answers given, corrections made.

Customers rarely state facts in the first person: they answer questions
("Could you share your order number?" → "Sure, it's ORD-48213."). A question
or request names topics (``domain.memory.offline.subjects``); the other party's
next messages answer them, so a value there takes its subject from the
question. A correction ("sorry, I meant …", «اشتباه تایپ کردم», «พิมพ์ผิด»)
replaces the value it refers to, and a value after "not" / "instead of" is the
old one, never the new.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from domain.memory.offline.lexicon import EMOJI
from domain.memory.offline.offered_choices import offered_topics
from domain.memory.offline.period_starts import start_asked_for
from domain.memory.offline.sentences import split_sentences
from domain.memory.offline.specific_topics import specific_first
from domain.memory.offline.subjects import Topic, cues_in, names_the_customer, topics_named
from domain.memory.offline.thai_cues import THAI_QUESTION_WORDS
from domain.memory.offline.values import FA_LETTERS, Kind
from domain.memory.offline.when_asked import asks_when

_FA = FA_LETTERS
#: Persian letters without the zero-width non-joiner, which parts two words.
_FA_NO_ZWNJ = FA_LETTERS.replace("\u200c", "")

#: A sentence that asks something, in any of the three languages.
_QUESTION = re.compile(
    r"[?؟]\s*$"
    # "What a lovely name!", "How kind": an exclamation, no question
    r"|^(?:could|can|would|will|may|might|please|kindly|what(?!\s+an?\s)|which|when|where|who"
    r"|how(?!\s+(?:kind|nice|lovely|sweet|cute|great|good|wonderful|funny|sad|awful)\b)|do|does"
    r"|did|is|are|shall)\b"
    r"|\b(?:could|can|would|may)\s+(?:you|i|we)\s+(?:please\s+)?(?:have|get|share|send|give|tell"
    r"|confirm|provide|check|pop|type|let)\b"
    r"|\b(?:please|kindly)\s+(?:share|send|provide|confirm|give|tell|type|let\s+me\s+know"
    r"|enter|write|reply)\b"
    r"|\b(?:i(?:'ll| will)?\s+need|i\s+just\s+need|let\s+me\s+(?:have|get)|what(?:'s| is)\s+the)\b"
    # Persian requests: «بفرمایید», «لطف می‌کنید», «بگید», «ارسال کنید», «چیه؟»
    # a word of its own: «اوکیه» (it's fine) ends in «کیه» (who is it?) and asks nothing;
    # a zero-width non-joiner before it still parts words («اسمتون‌چیه», «رو‌بگید»)
    rf"|(?<![{_FA_NO_ZWNJ}])(?:بفرمایید|بفرمائید|لطف\s*(?:می[\u200c\s]?)?کنید|لطف\s*کنید|بگید|بگین|بدید|بدین"
    rf"|ارسال\s*(?:کنید|بفرمایید)|بنویسید|اعلام\s*(?:کنید|بفرمایید)|وارد\s*کنید|چیه|چنده"
    rf"|کجاست|کیه|چیست|کدومه|کدام|چه\s*(?:روزی|ساعتی|تاریخی)|ت[أا]یید\s*(?:کنید|بفرمایید)"
    # what the agent needs, as "I'll need …" asks: «یه اسم و شماره تماس لازم دارم»
    rf"|(?:لازم|نیاز)\s*(?:دارم|داریم))"
    rf"(?![{_FA}])"
    # Thai requests and question words: «ขอ…ด้วย», «รบกวน…», «แจ้ง…», «…อะไร», «…ไหม»; a
    # request asked leave first as politely: «ขออนุญาตทราบชื่อ…» («ขออนุญาตขอเบอร์…» asks by
    # its «ขอเบอร์»)
    r"|ขอ(?:อนุญาต)?(?:ทราบ|ชื่อ|เบอร์|เลข|หมายเลข|ที่อยู่|อีเมล|รหัส)|ขอ.{1,40}?ด้วย(?:นะ)?(?:ครับ|ค่ะ|คะ)"
    r"|รบกวน|แจ้ง|ระบุ|ส่ง.*มา(?:ให้)?"
    rf"|{THAI_QUESTION_WORDS}|เหรอ|หรอ|กี่|ไหม|มั้ย|หรือเปล่า|หรือยัง|ใช่ไหม"
    # «คะ» ends a question, «นะคะ» softens a statement («แอดมินชื่อนุ่นนะคะ»)
    r"|(?<!นะ)คะ\s*$",
    re.IGNORECASE,
)

#: Words that make a message a correction of something said before. An apology for
#: something ("sorry about that", "sorry to hear") corrects nothing, nor does a code that
#: spells a word ("SORRY10"), nor a noun it names ("change fee", "move reference"), nor
#: a word of duty: «باید» ("must": «۱٬۱۹۵٬۰۰۰ که باید پرداخت کنید») says what is to be
#: done, not that a value was wrong. Advice to replace a part ("you should change the brake
#: pads", «لنت باید عوض بشه», «ควรเปลี่ยนผ้าเบรก», «แนะนำเปลี่ยนแบต») corrects nothing either.
CORRECTION = re.compile(
    r"(?<![A-Za-z0-9])(?:actually|sorry(?!\s+(?:about|for|to\s+hear)\b)|correction|typo|i\s+meant|meant\s+to\s+say|my\s+(?:bad|mistake)"
    r"|mistake|mistyped|misread|should\s+(?:be|have\s+been|read)|instead|not\s+\S+\s+but"
    r"|(?<!should\s)(?<!recommend\s)(?<!recommend\syou\s)changed?"
    r"|moved?|wrong|rather)(?![A-Za-z0-9])(?!\s+(?:fee|reference|ref|number|date|request)\b)"
    rf"|(?<![{_FA}])(?:ببخشید|اشتباه|منظورم|درستش|صحیحش|تصحیح|اصلاح|نه[،,]"
    rf"|(?<!باید\s)(?:عوض|تغییر)(?!\s*(?:بشه|بشن|بشند|شود|شوند)(?![{_FA}])))"
    # Thai words run together: "ผิด" of «ผิดหวัง» (disappointed) or «รับผิดชอบ» (responsible),
    # "แทน" of «ตัวแทน» (an agent) or «รับแทน» (take on someone's behalf), and "it's not
    # me" («ไม่ใช่ดิฉัน», a charge disowned) correct nothing.
    # «ขอแก้ไขนิดนึงนะคะ … ราคา 520 บาท»: "let me correct (that)", not «แก้ไขปัญหา» (fix a fault)
    r"|ขอโทษ|พิมพ์ผิด|(?<!รับ)ผิด(?!หวัง|ปกติ|ชอบ)|ที่ถูก|ไม่ใช่(?!ดิฉัน|ผม|ฉัน|หนู|เรา)|ขอแก้(?:ไข)?(?!ปัญหา)"
    r"|ต้องเป็น|แก้เป็น|(?<!ควร)(?<!ควรจะ)(?<!แนะนำ)(?<!แนะนำให้)(?<!แนะนำ\s)(?<!เสนอให้)เปลี่ยน|(?<!ตัว|รับ)แทน|เลื่อน(?:เป็น|ไป|ให้)",
    re.IGNORECASE,
)
#: Words that make a value a new one of the same thing ("your new total is …").
UPDATE = re.compile(
    r"(?<![A-Za-z])(?:now|new|update[ds]?|updated)(?![A-Za-z])"
    rf"|(?<![{_FA}])(?:الان|جدید|به[\u200c\s]?روز)"
    # «ساعتو بکنید ۹ و نیم», «تاریخشم بکنید ۱۵ مهر»: "make the hour / the date …"
    rf"|(?<![{_FA}])(?:ساعت|تاریخ|روز)[{_FA}]{{0,3}}\s+(?:(?:رو|را)\s+)?(?:بکنید|بکنین|کنید)(?![{_FA}])"
    r"|ใหม่|ตอนนี้",
    re.IGNORECASE,
)

#: Words of a question that asks for what takes the held value's place: "what's the new
#: number?", "shall I replace it with another one?", «مدیر جدید کیه؟», «جایگزین کنیم؟»,
#: «เบอร์ใหม่คืออะไรคะ», «จะเปลี่ยนเป็นรุ่นไหนคะ». Not "another": "do you have another
#: number?" asks for a second one beside the first.
_ASKS_NEW = re.compile(
    r"(?<![A-Za-z])(?:new|replace(?:ment)?|instead|chang(?:e|ed|ing)|switch(?:ed|ing)?)(?![A-Za-z])"
    rf"|(?<![{_FA}])(?:جدید|جایگزین|عوض|تغییر|بجای|به\s+جای|به\s*جا(?:ش|شون)(?![{_FA}]))"
    r"|ใหม่|เปลี่ยน|(?<!ตัว|รับ)แทน",
    re.IGNORECASE,
)

#: A question whether anything else should change asks for no value in anyone's place:
#: "Anything else you'd like to change?", «چیز دیگه‌ای هست که بخواید تغییر بدید؟»,
#: «ต้องการเปลี่ยนอะไรเพิ่มเติมไหมคะ».
_ANYTHING_ELSE = re.compile(
    r"(?<![A-Za-z])(?:anything|something)\s+else(?![A-Za-z])"
    rf"|(?<![{_FA}])چیز\s*(?:دیگه|دیگر)|อะไร(?:อีก|เพิ่มเติม)",
    re.IGNORECASE,
)
#: The Persian no a reply opens with; not «نه فقط» / «نه تنها» (not only).
_PERSIAN_NO = rf"نه(?![{_FA}])(?!\s*(?:فقط|تنها))"
#: A reply that opens with no: whatever value it gives, it turned the question down
#: («نه. یه شماره دیگه هم دارم …», «ไม่ค่ะ มีเบอร์สำรองอีกเบอร์ …»).
_SAYS_NO = re.compile(
    rf"^\s*(?:(?:no|nope|nah)(?![A-Za-z])|{_PERSIAN_NO}|ไม่(?!ใช่|ได้))", re.IGNORECASE
)

#: Just before a value: the value is the old or rejected one ("not 96", "instead of Thursday").
_NEGATED_BEFORE = re.compile(
    r"(?:(?<![A-Za-z])(?:not|rather\s+than|no\s+longer|isn't|wasn't|aren't"
    r"|never|from|replac(?:e|es|ing)|previous(?:ly)?|old|originally|was)\s+(?:the\s+|on\s+|at\s+)?"
    r"|(?<![A-Za-z])instead\s+of\s+(?:[a-z]+ing\s+)?(?:the\s+|on\s+|at\s+)?"
    rf"|(?<![{_FA}])(?:نه|بجای|به\s+جای|قبلی|قبلاً|نه\s+اینکه|از)\s+"
    # «เวลาเดิม 13.00-15.00 น.» is "the same time as before", kept, not the old one
    r"|ไม่ใช่\s?|แทนที่จะเป็น\s?|จาก\s?|(?<!เวลา)เดิม(?:คือ)?\s?)$",
    re.IGNORECASE,
)
#: Just before a value: it is how far the new one differs from the old, not the old one:
#: «ต่างจากเดิม 3,000», «แพงกว่าเดิม 500» (Thai: "differs from" / "-er than" the old; a
#: Thai value follows the comparison where English puts "by").
_DIFFERENCE_BEFORE = re.compile(r"(?:ต่าง(?:กัน)?|กว่า)(?:จาก)?(?:ของ)?เดิม(?:อยู่|ประมาณ|ราว)?\s?$")
#: Just after a value: it is the old one ("ORD-48213 was wrong", «۹۶۰ نه»).
_NEGATED_AFTER = re.compile(
    r"^\s?(?:(?:is|was)\s+(?:wrong|incorrect|old|a\s+typo)|(?:was\s+)?a\s+typo|no\s+longer"
    # «X515 نیست» / «۲۳ مرداد نبود»: Persian says "is not" after the value
    rf"|نه(?![{_FA}])|اشتباه|غلط|قبلی|(?:نیست|نبود|نبوده)(?![{_FA}])|ผิด|เดิม)",
    re.IGNORECASE,
)
#: A Persian question that asks whether the known value stays: «همون محل کار؟».
_SAME_AS_BEFORE = re.compile(rf"(?<![{_FA}])(?:همون|همین|همان)(?![{_FA}])")
#: A Persian reply that says no to the question before it.
_DECLINED = re.compile(rf"^\s*{_PERSIAN_NO}")
#: The negations that are only "from": a period may start there ("be from 8 March").
_FROM = re.compile(r"^(?:from|از|จาก)\s?", re.IGNORECASE)
#: How far before a value a negation may sit.
_NEGATION_REACH = 22
#: Right before a Persian «از»: a word that makes it "than" or part of "before" / "after" /
#: "except", not "from": «بیشتر از ۵ متر» (more than), «قبل از ۱۵ آبان» (before), «بعد از
#: ساعت ۲» (after), «غیر از …» (other than); a comparative has «تر» joined or after a
#: zero-width non-joiner («بیش‌تر», «گرون‌تر», «بزرگتر»). The value is a limit or a point in
#: time said beside it, no old value replaced.
_NOT_FROM_BEFORE = re.compile(
    rf"(?<![{_FA}])(?:(?:بیش|کم|دیر|زود|بالا|پایین|گرون|گران|ارزون|ارزان|بزرگ|کوچیک|کوچک"
    r"|طولانی|جلو|عقب)\u200c?تر|بیش|کم|بعد|قبل|پیش|غیر|به\s+غیر|جدا)\s*$"
)


def is_question(sentence: str) -> bool:
    return _QUESTION.search(sentence.strip()) is not None


#: A question for how many of something: "how many" and a noun ("How many people in
#: total?"; not "how many pounds", "how many do I owe"), «چند» and a counting word (a
#: classifier or a unit of time: «چند نفر», «چندتا», «چند شب»; «چند میشه؟» asks a sum),
#: «กี่» and a classifier that is not money («กี่คน», «กี่คืน»; not «กี่บาท», «กี่ตังค์»).
_HOW_MANY = re.compile(
    r"\bhow\s+many\s+(?!(?:dollars|pounds|euros|baht|quid|bucks|do|does|did|is|are|was|were"
    r"|will|would|should|can|could|have|has|had|i|we|you|they|it|in|of|altogether)\b)[a-z]"
    rf"|(?<![{_FA}])چند\s*(?:نفر|تا|عدد|دونه|دانه|جلد|نسخه|بسته|جفت|روز|شب|ساعت|دقیقه|هفته"
    rf"|ماه|سال|بار|دفعه|کیلو|متر|مورد|جلسه|قسط)(?:ه|ی)?(?![{_FA}])"
    r"|กี่(?!บาท|ตังค์|ตัง|สตางค์|ร้อย|พัน|หมื่น|แสน|ล้าน|เปอร์เซ็นต์)(?=[\u0e01-\u0e2e])",
    re.IGNORECASE,
)
#: Topics that say only that a sum is a whole ("in total", «جمعاً», «รวม»): of a count, too.
_SUM_WORDS = frozenset({"total", "amount"})
#: Where a clause of a question ends: "How many nights in total, and what's the total?"
_CLAUSE_BREAK = re.compile(rf"[,،;؛]|\band\b|(?<![{_FA}])و(?![{_FA}])", re.IGNORECASE)


def _counting_clauses(sentence: str) -> list[tuple[int, int]]:
    """The clauses of ``sentence`` that ask how many of something."""
    breaks = [0, *(m.start() for m in _CLAUSE_BREAK.finditer(sentence)), len(sentence)]
    clauses = []
    for match in _HOW_MANY.finditer(sentence):
        begin = max(b for b in breaks if b <= match.start())
        clauses.append((begin, min(b for b in breaks if b > match.start())))
    return clauses


#: Chat ends a sentence with an emoji as often as with a period: "What a lovely name 😍 how
#: much does she weigh?" asks the weight, not the name. (Only questions are split there: the
#: summaries' sentences stay as written.)
EMOJI_BREAK = re.compile(rf"(?<={EMOJI})\ufe0f?\s+")


#: A Persian request of nothing but «بفرمایید» (go ahead, please): it asks for what the
#: sentence before it named («اسم خواهرتون رو هنوز نداریم. بفرمایید»). (English "go ahead"
#: opens with "please" or sits in the sentence that names the thing.)
_BARE_REQUEST = re.compile(
    r"^\s*(?:(?:لطفا|لطفاً|خب|پس)\s+)?(?:بفرمایید|بفرمائید|بفرمایین)\s*(?:لطفا|لطفاً)?\s*[.!؟?🙏]*\s*$"
)

#: What the sentence before a bare «بفرمایید» must say for it to ask: a gap or a request
#: («… رو هنوز نداریم», «… لازمه», «… بگید»); after a statement («… ثبت شد. بفرمایید») it
#: is "here you are" and asks nothing.
_NAMES_A_GAP = re.compile(
    rf"(?<![{_FA}])(?:ن(?:داریم|دارم|داریمش|رسیده|یومده|یامده)|ثبت[\u200c\s]نشده|لازم|نیاز"
    rf"|بگید|بگین|بفرستید|بفرستین|بنویسید|بنویسین|اعلام|وارد[\u200c\s]کنید)(?![{_FA}])"
)


def asked_topics(text: str, customer_name: str | None = None) -> list[Topic]:
    """The topics the question or request sentences of ``text`` ask about, in order; a
    question for how many asks no sum ("How many people will be there in total?"), though
    another clause of it may ("How many nights, and what's the total amount?"). A number
    asked by the customer's own held name ("Is Dan's number still the best one?") is
    theirs, no second contact's."""
    topics: list[Topic] = []
    before = ""
    for sentence in (part for whole in split_sentences(text) for part in EMOJI_BREAK.split(whole)):
        said_before, before = before, sentence
        if is_question(sentence) and asks_when(sentence) and not any(topics_named(sentence)):
            # "… inspected at the point of collection. What date suits you?": the day of
            # what the sentence before named last
            named = [t for t in topics_named(said_before) if t.key_for(Kind.DATE)]
            topics += [t for t in reversed(named) if t not in topics]
            continue
        if _BARE_REQUEST.match(sentence):
            if is_question(said_before) or _NAMES_A_GAP.search(said_before):
                topics += [t for t in topics_named(said_before) if t not in topics]
            continue
        if is_question(sentence):
            counting = _counting_clauses(sentence)
            summed = {
                cue.topic.name
                for cue in cues_in(sentence)
                if not any(begin <= cue.start < end for begin, end in counting)
            }
            # "Is Dan's number …" (Dan, the customer): a cue that names no one else
            others = {
                cue.topic.name
                for cue in cues_in(sentence)
                if not names_the_customer(sentence, cue, customer_name)
            }
            for topic in specific_first(sentence, list(topics_named(sentence))):
                if topic in topics or (topic.name in _SUM_WORDS and topic.name not in summed):
                    continue
                if topic.name in others:
                    topics.append(topic)
    return topics


def is_correction(text: str) -> bool:
    return CORRECTION.search(text) is not None


def says_no(text: str) -> bool:
    """Whether a reply opens with no ("no, …", «نه، …», «ไม่ค่ะ …»)."""
    return _SAYS_NO.match(text) is not None


def is_update(text: str) -> bool:
    """A correction, or a word that makes a value the new one of its kind."""
    return is_correction(text) or UPDATE.search(text) is not None


def is_negated(text: str, start: int, end: int) -> bool:
    """Whether the value at ``text[start:end]`` is named as the old or wrong one; the size
    of a difference from the old one («ต่างจากเดิม 3,000 บาท») is neither."""
    before = text[max(0, start - _NEGATION_REACH) : start]
    if _DIFFERENCE_BEFORE.search(before):
        return False
    if _NEGATED_AFTER.match(text[end : end + 20]):
        return True
    found = _NEGATED_BEFORE.search(before)
    if found is None:
        return False
    if not _FROM.match(found.group()):
        return True
    said_at = max(0, start - _NEGATION_REACH) + found.start()
    return not (
        start_asked_for(text, start, end)
        or _NOT_FROM_BEFORE.search(text, max(0, said_at - _NEGATION_REACH), said_at)
    )


@dataclass
class OpenQuestion:
    """Topics one party asked about that the other has not answered yet."""

    asker: str
    topics: list[Topic]
    #: Messages since it was asked; a question goes stale after ``MAX_AGE``.
    age: int = 0
    answered: set[str] = field(default_factory=set)
    #: Whether it asks to keep what is known («همون محل کار؟»): a «نه» declines its topics.
    same_as_before: bool = False
    #: Whether it asks for a new value in place of the held one («مدیر جدید کیه؟»): the
    #: answer replaces it, not a second one beside it.
    asks_new: bool = False

    MAX_AGE = 5

    def open_topics(self) -> list[Topic]:
        return [t for t in self.topics if t.name not in self.answered]


@dataclass
class Conversation:
    """What extraction remembers from one message to the next: the questions still open.

    Each party may have one open question ("Could you share your booking code?" …
    "Where do I find it?" … "It's K7XQ2M"): the customer's own question does not close
    the assistant's.
    """

    questions: list[OpenQuestion] = field(default_factory=list)
    #: Each party's last message: what a reply's words of change may refer to.
    last_said: dict[str, str] = field(default_factory=dict)

    def said_before(self, role: str) -> str:
        """The other party's last message before one of ``role``."""
        return next((text for who, text in self.last_said.items() if who != role), "")

    def asked_of(self, role: str) -> list[Topic]:
        """Topics the message of ``role`` about to be read may be answering: the other
        party's open question."""
        for question in reversed(self.questions):
            if question.asker != role:
                return question.open_topics()
        return []

    def asks_new_of(self, role: str, text: str) -> bool:
        """Whether the other party's open question asks for a new value in place of the
        held one ("what's the new number?") and ``text``, the reply, does not open by
        saying no, so that the answer replaces it."""
        for question in reversed(self.questions):
            if question.asker != role:
                return question.asks_new and _SAYS_NO.match(text) is None
        return False

    def declines(self, role: str, text: str) -> bool:
        """Whether a message of ``role`` says no to the other party's question whether the
        known value stays («شماره تماس همون شماره خودتون بمونه؟» «نه، شماره مامانم …»)."""
        for question in reversed(self.questions):
            if question.asker != role:
                return question.same_as_before and _DECLINED.match(text) is not None
        return False

    def after(
        self, role: str, text: str, answered: set[str], customer_name: str | None = None
    ) -> None:
        """Move on past a message of ``role``: its answers close topics, its questions open.
        A reply that opens with «نه» to a question whether the known value stays («همون
        محل کار؟» «نه بیارین خونه») declines it: what follows is not about that topic."""
        self.last_said[role] = text
        declined = _DECLINED.match(text) is not None
        for question in self.questions:
            if question.asker != role:
                question.answered |= answered
                if declined and question.same_as_before:
                    question.answered |= {topic.name for topic in question.topics}
            question.age += 1
        self.questions = [
            q for q in self.questions if q.age < OpenQuestion.MAX_AGE and q.open_topics()
        ]
        asked = asked_topics(text, customer_name)
        if role == "assistant":  # "we have 9am or 2pm": which one is asked, as a question
            asked += [topic for topic in offered_topics(text) if topic not in asked]
        # "Who's the new manager?" names no topic of a value, yet the number in the reply
        # is the new one: such a question stays open for the next reply
        new = any(
            is_question(sentence)
            and _ASKS_NEW.search(sentence) is not None
            and _ANYTHING_ELSE.search(sentence) is None
            for sentence in split_sentences(text)
        )
        # "put Kieran instead, head chef" "What's Kieran's number?": the contact asked for
        # takes the place of the one held, as "what's the new number?" would say
        new = new or (
            any(topic.name == "second_contact" for topic in asked)
            and _ASKS_NEW.search(self.said_before(role)) is not None
        )
        if asked or new:
            self.questions = [q for q in self.questions if q.asker != role]
            same = _SAME_AS_BEFORE.search(text) is not None
            self.questions.append(OpenQuestion(role, asked, same_as_before=same, asks_new=new))
