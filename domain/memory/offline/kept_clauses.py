"""Clauses a detail keeps that state no value ``values`` finds: what the customer asks
for or chooses, the people they bring in, a place they answer, a fault that is found.

"can you keep the old discs", "my partner Sarah will pick it up", «کارت به کارت میکنم
موقع تحویل», «میخوایم بریم شمال، رامسر» (answering «مسیرتون کجاست؟»), "the rear shock
absorber is leaking", «ก๊อกซิงค์ล้างจานรั่ว». None of them is a number, a date or an
address, yet each is what a later turn relies on. Six kinds:

- ``instruction``: a request, a wish or a way of doing things the customer asks for
  (``instructions`` first: delivery and contact; then a request word: "please", "can
  you", "I'd like", "don't …", an imperative opening the clause, «لطفا», «میخوام», «بذارید»,
  «ช่วย», «ขอ», «อยาก», «ไม่ต้อง», a change asked for: «(งั้น)เปลี่ยนเป็น …», not «หน้าจอ
  เปลี่ยนเป็นสีดำ», a thing turning by itself), or a first-person decision
  («… میکنم», "I'll take …");
- ``choice``: an option agreed to ("let's go with …", «باشه همون …», «เอาอันนี้»), or an
  agent's Persian read-back the customer answers with a bare yes (``read_backs_fa``);
- ``person``: someone named (``person_names``) or brought in by relation ("my partner
  Sarah", «همسرم», «แฟน»), or by a role on the customer's side ("our treasurer, Declan
  Burke": ``own_people``), or a name answered to a question that asks one;
- ``place``: what answers a where-question, or where something is ("the key is in the
  glovebox"), or which way it faces ("the back faces south-west", «رو به جنوب»);
- ``correction``: the customer putting right what they said ("sorry i meant the back is
  concrete tiles", «منظورم … بود», «หมายถึง …»; not «หมายถึงอะไร», a question, nor «درستش
  کنید», a repair asked for): the clause holds the value now right;
- ``problem``: a fault or damage either side states ("leaking", «خراب», «รั่ว»), or a
  thing not doing what it is for ("the drum doesn't spin", «یخچال خنک نمیکنه»,
  «ไม่ระบายน้ำ»); not a feeling said in its words ("my heart is broken", «حالم خرابه»).

An allergy or a diet is an ``instruction`` too: a constraint ("we're vegetarian",
«گیاهخوار هستیم», «ผมแพ้ถั่ว»). A reply that refuses, defers or repeats the question
("not sure what you mean", «بعدا میگم», «ไม่บอกดีกว่า») answers no where- or name-question.

The value is the clause itself, as written (a substring of the sentence): the context
shows the whole unit, the value tells it whether anything shown before says it already.
A clause with no content term ("can you help?", «خواهش میکنم») is small talk, and a
customer's question for information ("can you tell me the price?", «چنده؟») states
nothing of theirs.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from domain.memory.offline.candidates import Candidate
from domain.memory.offline.dialogue import is_question
from domain.memory.offline.forgetting import FORGETTING
from domain.memory.offline.holder_names import FA_NAME_WORD
from domain.memory.offline.instructions import instructions
from domain.memory.offline.lexicon import (
    ENGLISH_ACKNOWLEDGEMENTS,
    ENGLISH_GREETINGS,
    ENGLISH_YES,
    PERSIAN_ACKNOWLEDGEMENTS,
    PERSIAN_YES,
    THAI_PARTICLES,
    reply_words,
    word_set,
)
from domain.memory.offline.own_people import own_people_named
from domain.memory.offline.person_names import people_named, relation_words
from domain.memory.offline.preferences_stated import (
    PREFERRED,
    preference_starts,
    states_preference,
)
from domain.memory.offline.read_backs_fa import confirmed_read_back
from domain.memory.offline.sentences import split_sentences
from domain.memory.offline.small_talk import is_small_talk
from domain.memory.offline.terms import content_terms
from domain.memory.offline.thai_cues import THAI_QUESTION_WORDS
from domain.memory.offline.values import FA_LETTERS
from domain.memory.offline.what_questions import asks_what, names_nothing

_FA = FA_LETTERS
_TH = "\u0e01-\u0e4e"

#: Longer than this, a clause is cut after its cue.
MAX_CHARS = 120
#: Content terms a request needs besides its request words: «صبر کنید» ("wait"), «امتحان
#: میکنیم» ("we'll try") and "please hurry" ask for nothing to remember.
MIN_REQUEST_TERMS = 2
#: Thai has no spaces between words, and its letter trigrams (``terms``) made nearly any
#: clause two terms: a Thai request needs this many letters (a word or two; vowel and tone
#: marks not counted, a Latin word or a number counts two) left once its request words,
#: particles and function words are taken out («ขอคิดดูก่อนนะครับ», "let me think first",
#: leaves «คด»; «ช่วยด้วย», "help!", nothing; «ฝากไว้กับนิติได้ไหมคะ» leaves «กบนต»).
MIN_THAI_REQUEST_LETTERS = 4
#: Longer than this, a reply is no bare answer to a where- or name-question.
MAX_ANSWER_CHARS = 60

#: Where a clause ends inside a sentence (Thai clauses are the sentences' own: the
#: splitter cuts them at spaces). A Persian «،» does not: «میخوایم بریم شمال، رامسر».
_CLAUSE_BREAK = re.compile(r"[,;:]|\s(?:but|because|cos|cause|since|so)\s|[.!?؟]+(?=\s|$)", re.I)
#: Filler a clause opens with, left out of its value.
_LEAD_WORDS = (
    ENGLISH_YES
    | ENGLISH_ACKNOWLEDGEMENTS
    | ENGLISH_GREETINGS
    | PERSIAN_YES
    | PERSIAN_ACKNOWLEDGEMENTS
    | word_set("yeh oh also and actually so well then but و ولی اما")
)
_LEAD = re.compile(rf"^(?:\s|[,،.!-]|(?:{reply_words(_LEAD_WORDS)})(?![\w'\u200c]))+", re.I)
#: What «همین» / «همون» says when it chooses nothing: «همین الان» (right now), «همونجا».
_FA_NOT_CHOSEN = rf"(?:الان|الآن|جا|جوری|طور|موقع|روز|اول|ساعت|دیگه)(?![{_FA}])"
_TAIL = re.compile(r"[\s,.!?؟،:;]+$")
#: A clause that only says what not, or what instead, of the one before: ", not me",
#: ", instead of the office", ", rather than calling".
_CONTRAST_TAIL = re.compile(r"\s*(?:not|instead|rather\s+than)(?![\w'’])", re.I)
_TH_LETTER = re.compile(f"[{_TH}]")
#: The polite particle closing a bare Thai answer («ป.3 ค่ะ», «กมลชนก วงศ์ใหญ่ ค่ะ»): the answer
#: says its thing without it, and the compact form drops it as after any value. Written on
#: to the last word, only those no Thai word ends in (not «ค่า» of «คุ้มค่า», «คับ» of
#: «บังคับ», nor after a leading vowel: «ให้เจ้า»); «นะ» only after a space, since a name
#: or word may end in it («วิชัย มานะครับ», «ชนะค่ะ»).
_TH_PARTICLE_TAIL = re.compile(
    rf"(?:\s+(?:นะ)?{THAI_PARTICLES}|(?<=[{_TH}])(?<![\u0e40-\u0e44])(?:ครับผม|ครับ|ค่ะ|คะ|จ้ะ|จ๊ะ))ๆ?$"
)

#: What "let's …" says when it asks for nothing: "let's see what you think".
_MUSING_EN = r"see|think|hope|wait|not|just\s+see|talk|be\s+honest|face\s+it"
#: "take" as a light verb, no option taken: "I'll take a look tomorrow".
_LIGHT_TAKE_EN = (
    r"a\s+(?:look|break|rest|moment|minute|second|while|seat|nap|chance|walk|breath|day)\b"
    r"|care|time|it\s+easy"
)
_REQUEST_EN = re.compile(
    r"(?<![\w'’])(?:please|pls|plz|can\s+(?:you|u)|could\s+(?:you|u)|would\s+you"
    r"|(?:i|we)(?:'?d|\s+would)\s+(?:like|prefer|rather)|(?:i|we)\s+(?:want|prefer)"
    rf"|(?:i|we)\s+(?:don'?t|do\s+not)\s+want|make\s+sure|let'?s(?!\s+(?:{_MUSING_EN}))"
    r"|(?:i|we)\s+need\s+(?:it|them|this|that)"
    rf"|(?:i|we)(?:'?ll|\s+will)\s+(?:take(?!\s+(?:{_LIGHT_TAKE_EN}))|go\s+with|have|pay|bring"
    r"|collect|pick|drop|keep))"
    r"(?![\w'’])"
    # an imperative opening the clause: "keep the old discs", "don't leave it outside"
    r"|^(?:just\s+)?(?:(?:don'?t|do\s+not|never)\s+)?(?:keep|leave|plug|put|send|text|email"
    r"|call|ring|bring|use|take|book|cancel|add|remove|charge|bill|deliver|drop|hold|return"
    r"|swap|change|switch|move|skip|note|mark|make|go\s+(?:with|for))"
    # or what it names ("keep Deansgate", "book Tuesday")
    r"\s+(?:it|them|me|us|the|my|our|a|an|this|that|him|her|back|off|up|in|out|ahead"
    r"|(?-i:[A-Z][a-z]+))(?![\w'’])",
    re.I,
)
#: A way of doing things said to suit: "ringing is fine", "email works best".
_SUITS_EN = re.compile(
    r"^(?!(?:that|this|it|everything|all|which|what)\b)\w+(?:\s+\w+)?\s+(?:is|works|would\s+be)"
    r"\s+(?:fine|best|better|easier|ok|okay|preferred)(?![\w'’])",
    re.I,
)
#: What a "can you …" asks for when it asks for information, not a thing done.
_ASKS_INFO_EN = re.compile(
    r"(?<![\w'])(?:can|could|would)\s+(?:you|u)\s+(?:please\s+)?(?:just\s+)?(?:tell|confirm|check"
    r"|let\s+me\s+know|explain|help|clarify|repeat|see|remind|give\s+me\s+an?\s+update|believe|imagine)"
    r"|^(?:what|when|where|which|who|how|why)\b|\bhow\s+(?:much|long|many)\b",
    re.I,
)
#: Persian: «لطفا», «میخوام»/«نمیخوام», «ترجیح», «بهتره»; an imperative of a common
#: verb («بذارید», «زنگ بزنید», «نفرستید», «… کنید»); a first-person decision («… میکنم»,
#: «میدم», «میارم», «میگیرم»).
_REQUEST_FA = re.compile(
    rf"(?<![{_FA}])(?:لطفا|لطفاً|خواهشا|خواهشاً|ترجیح|بهتره"
    rf"|(?:ن)?می[\u200c\s]?خوا(?:م|یم|ستم|ستیم)"
    rf"|(?:ب|ن)(?:کن|د|ز|ذار|زار|گذار|گیر|یار|فرست|گ|نداز|بر|نویس|رسون|خر|ده)(?:ید|ین)"
    rf"|کنید|کنین"
    rf"|(?<!فکر\s)(?:ن)?می[\u200c\s]?(?:کن|د|گیر|یار|بر|خر|پرداز|زن|فرست|گذار|ذار|مون)(?:م|یم))"
    rf"(?![{_FA}])"
)
#: A Persian way of doing what is asked, «با» and what it is done by: «با پیک بفرستید» (send it
#: by courier), «با کارت حساب میکنم»; not «با شما» (with you), «با هم» (together).
_FA_BY_WAY_OF = re.compile(
    rf"(?<![{_FA}])با\s+(?!(?:شما|من|ما|اون|او|ایشون|هم|همین|همون|این|آن|خودم|خودتون"
    # a greeting or thanks, a concession: «با سلام»، «با تشکر»، «با اینکه»، «با وجود»
    rf"|سلام|تشکر|سپاس|عرض|احترام|اینکه|وجود)(?![{_FA}]))"
    rf"[{_FA}]{{2,}}"
)
#: A Persian question for information: «چنده؟», «کیه؟», «کجاست؟».
_ASKS_INFO_FA = re.compile(
    rf"(?<![{_FA}])(?:چی|چیه|چنده|چند|کی|کیه|کجا|کجاست|چطور|چطوری|چرا|چقدر|کدوم|کدام"
    # asking for guidance or help is asking to be told («ممنون میشم اگه راهنمایی کنید»)
    rf"|راهنمایی|راهنماییم|کمک|کمکم"
    # wanting to know: «می‌خواستم ببینم قطعه رسید؟», «میخواستم بدونم …», «یه سوال بپرسم»
    rf"|ببینم|بدونم|بدانم|بپرسم)(?![{_FA}])"
)
#: What «ขอ» asks leave for when the speaker defers: to think, consult someone, check or look
#: first («ขอคิดแป๊บ», «ขอปรึกษาพ่อเค้าก่อนนะคะ», «แต่ขอเช็กอีกทีนะ»): the customer will do it
#: themselves, nothing is asked of the service yet ("let me check" in English).
_TH_DEFERRAL = r"คิด|ปรึกษา|เช็ก|เช็ค|ดู(?!แล)|ตัดสินใจ|ลองดู"
#: Thai: «ช่วย», «ขอ» (not thanks, sorry, asking to know, nor the speaker's own deferral),
#: «อยาก», «ไม่ต้อง», «ฝาก», «อย่า», «ต้องการ», «สะดวก», «จะ» with a verb of paying or coming,
#: «เปลี่ยนเป็น» (change it to).
_REQUEST_TH = re.compile(
    rf"ช่วย|ขอ(?!บคุณ|โทษ|ทราบ|อภัย|ตัว|บ|ง|น|ถาม|{_TH_DEFERRAL})|อยาก|ไม่ต้อง|ฝาก|อย่า|ต้องการ|สะดวก"
    r"|จะ\s?(?:จ่าย|โอน|ชำระ|รับ|ไป|มา|เอา)|ให้(?:ด้วย|หน่อย)"
    # what to do instead: «ไม่ต้องโทรนะครับ ส่งไลน์มาแทน», the second clause kept too, so
    # the detail holds both (not «ตัวแทน», an agent)
    r"|(?<!ตัว)แทน"
    # a change the customer makes, a request without «ขอ»: «งั้นเปลี่ยนเป็นโอนเข้าบัญชีค่ะ»,
    # «ผมเปลี่ยนเป็น …», «เปลี่ยนเป็น … ได้ไหม»; not a thing turning by itself, its subject
    # before the verb («หน้าจอเปลี่ยนเป็นสีดำ», a fault)
    r"|(?:(?<![\u0e01-\u0e4e])|(?<=งั้น)|(?<=ผม)|(?<=ฉัน)|(?<=หนู)|(?<=เรา))เปลี่ยนเป็น"
    r"|เปลี่ยนเป็น\S*?ได้(?:ไหม|มั้ย|มั๊ย|หรือเปล่า)"
)
#: What a Thai request's words leave of its content: request words, particles and the
#: function words around them («ให้», «ด้วย», «ก่อน», «ดู», «เลย»).
_TH_NOT_CONTENT = re.compile(
    r"ช่วย|ขอ|อยาก|ไม่ต้อง|ฝาก|อย่า|ต้องการ|สะดวก|แทน|จะ|ให้|ด้วย|หน่อย|ก่อน|ดู|เลย|จัง|มาก|นะ"
    r"|ครับ|คับ|ค่ะ|คะ|ค่า|จ้ะ|จ้า|ได้|ไหม|มั้ย|แล้ว|เดี๋ยว|ไว้|ที่|ไป|มา|ผม|ฉัน|หนู|เรา|คุณ"
    r"|[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]|[^\u0e01-\u0e4e]"
)
#: Thai wishes and reassurance a request word opens: «ขอให้โชคดี» ("good luck"), «ไม่ต้อง
#: ห่วง» ("don't worry").
_TH_COURTESY = re.compile(r"โชคดี|ห่วง|กังวล|เกรงใจ|สุขภาพแข็งแรง|มีความสุข|เป็นห่วง")
#: A Thai clause asking for information: a question word, «ถาม» (ask) or «กี่» (how many);
#: «ทำไม» (why) left out, as before the list was shared.
_ASKS_INFO_TH = re.compile(rf"(?!ทำไม)(?:{THAI_QUESTION_WORDS})|ถาม|กี่")

#: What the customer does for themselves, a feeling or a joke: "I'll have a rest", «میرم
#: خونه استراحت میکنم», «อยากกินข้าวมันไก่จังเลย», «555». A request or decision about it
#: asks nothing of the service.
_CHAT = re.compile(
    r"(?<![\w'’])(?:(?:a|some)\s+rest|sleep|nap|relax|cry|lol|haha+|worry|coffee|tea|lunch|dinner|breakfast"
    r"|eat|eating|go\s+with\s+the\s+flow)(?![\w'’])"
    rf"|(?<![{_FA}])(?:استراحت|بخوابم|بخوابیم|خواب|بخورم|بخوریم|چای|چایی|ناهار|شام|صبحانه"
    rf"|گریه|نگران|خخخ+)(?![{_FA}])"
    r"|กิน|นอน|พักผ่อน|คิดดู|ร้องไห้|(?<!\d)555+(?!\d)|ห่วง|กังวล",
    re.I,
)
#: An option agreed to: "let's do the …", "go with the …", «باشه همون …», «همین رو»,
#: «เอาอันนี้», «เอาแบบ …».
_CHOICE = re.compile(
    r"(?<![\w'’])(?:let'?s\s+(?:do|go\s+(?:with|for))|go\s+(?:with|for)\s+the(?!\s+flow\b)"
    rf"|(?:i|we)(?:'?ll|\s+will)\s+(?:take(?!\s+(?:{_LIGHT_TAKE_EN}))|go\s+with|go\s+for))"
    r"(?![\w'’])"
    rf"|(?<![{_FA}])(?:همون|همین|همان)(?:\s+(?:رو|را))?(?![{_FA}])(?!\s*(?:{_FA_NOT_CHOSEN}))"
    r"|เอา(?:อัน|แบบ|ตัว|รุ่น|สี|ห้อง|แพ็กเกจ|ที่)",
    re.I,
)

#: An option settled on after the choices were set out: "ACH transfer it is", "the blue one
#: it is then", «งั้นโอนพร้อมเพย์ค่ะ» (then I'll transfer by PromptPay), «งั้นเอาแบบรายเดือน»;
#: not "that's how it is", "the way it is", "how old it is", "yes it is", "I think it is",
#: nor a question («งั้นโอนได้ไหม»), nor leaving it or refusing («งั้นเอาไว้ก่อน», «งั้นรับไม่ได้»).
#: "it is" closes the clause (or "then" follows it).
_SETTLED = re.compile(
    r"(?<![\w'’])(?<!how\s)(?!(?:here|there|that|this|how|what|as|so|where|whatever|which"
    r"|who|if|when|yes|no|think|sure|know|believe|hope|guess|because|than|is|was|and|or|but"
    r"|way|old|big|long|matter|far|much|many|often|soon|late|early|bad|good|hard|easy|true"
    r"|important|serious|small|large|expensive|cheap|whoever|wherever|whichever)\s)"
    r"[\w'’-]+\s+it\s+is(?=\s+then\b|\s*(?:[.!,;]|$))"
    r"|งั้น\s?(?:จ่าย|โอน|ชำระ|เอา|ใช้|ส่ง|รับ|เลือก)(?!\s?(?:ไว้|ไม่))",
    re.I,
)

#: Capitalised words after a relation that name no one: "my son I think", "my wife Can …".
_NOT_A_NAME_EN = r"(?:I|Im|I'm|The|And|But|So|Is|Was|Has|Can|Will|Would)\b"
#: Persian words after a relation that name no one: «مامانم اینا» (my mum's family).
_FA_NOT_NAMES = rf"(?:اینا|اینها|هم|تو|که|رو|را|با|از|به|هست|هستن)(?![{_FA}])"

#: The customer's own relative or friend said with a name: "my partner Sarah", «دخترم آوا،»
#: (a relation alone, «مامانم میگه …», "my mum says …", brings in no one to remember).
_RELATION = re.compile(
    rf"(?<![\w'’])(?i:my|our)\s+(?i:{relation_words(0)}),?\s+(?!{_NOT_A_NAME_EN})[A-Z][a-z'’-]+"
    rf"|(?<![{_FA}])(?:{relation_words(1)})(?:م|مون)\s+(?!می|نمی|{_FA_NOT_NAMES}){FA_NAME_WORD}\s*[،,]"
)
#: Where something is: "the key is in the glovebox", "they're behind the counter".
_WHERE_IT_IS = re.compile(
    r"(?<![\w'’])(?:is|are|'s)\s+(?:in|inside|under|behind|on|at)\s+(?:the|my|our)\s+\w+", re.I
)

#: Which way something faces: "the back faces south-west", «رو به جنوب», «หันไปทางทิศใต้».
_FACING = re.compile(
    r"(?<![\w'’])(?:fac(?:es|e|ing))\s+(?:due\s+)?(?:north|south|east|west)(?:[\s-]?(?:east|west))?"
    r"(?![\w'’])"
    rf"|(?<![{_FA}])رو\s*به\s+(?:شمال|جنوب|شرق|غرب)(?:\s*(?:شرقی|غربی))?(?![{_FA}])"
    r"|(?:หัน(?:หน้า)?(?:ไป)?|ไป)ทาง\s?ทิศ\s?(?:เหนือ|ใต้|ตะวันออก|ตะวันตก)",
    re.I,
)
#: The customer putting right what they said: "sorry I meant the back is tiled", "actually
#: it's the 14th", «منظورم … بود», «اشتباه گفتم», «หมายถึง …», «ขอแก้ …», «ที่ถูกคือ …».
_PUT_RIGHT = re.compile(
    r"(?<![\w'’])(?:i\s+meant|i\s+mean|what\s+i\s+meant|correction|i\s+got\s+that\s+wrong"
    r"|i\s+was\s+wrong|my\s+mistake|scratch\s+that)(?![\w'’])"
    rf"|(?<![{_FA}])(?:منظورم|اشتباه\s*گفتم|اشتباه\s*کردم|درستش)(?![{_FA}])"
    # «درستش کنید» (fix it) asks for a repair, it puts nothing right
    rf"(?!\s*(?:ن?می[\u200c\s]?|ب)?(?:کن|کرد))"
    # «หมายถึงอะไร» (meaning what?) asks, it puts nothing right
    r"|หมายถึง(?!\s?(?:อะไร|ไร|ยังไง|อย่างไร|ไหน))|ขอแก้|ที่ถูกคือ|พิมพ์ผิด|พูดผิด",
    re.I,
)
#: A fault or damage: "leaking", "worn", «خراب», «چکه», «รั่ว», «พัง».
_PROBLEM = re.compile(
    r"(?<![\w'’])(?:leak(?:s|ing|ed|y)?|worn|broken|cracked|faulty|damaged|seized|corroded"
    r"|snapped|torn|blocked|clogged|not\s+working|(?:doesn'?t|does\s+not|won'?t|isn'?t)\s+"
    r"(?:work|working|start|turn\s+on|charge|close|open)|stopped\s+working|defective|rusted"
    r"|dripping|dented|scratched|smashed|misfiring|overheating|grinding|squeal(?:ing|s)?"
    r"|squeak(?:ing|s)?|rattl(?:e|es|ing)|knocking)(?![\w'’])"
    rf"|(?<![{_FA}])(?:خراب|نشت|چکه|ترک\s*(?:خورده|داره|برداشته)|سوخته|شکسته|معیوب|پاره"
    rf"|کار\s*نمی[\u200c\s]?کن|خط\s*(?:افتاده|و\s*خش)|ایراد|عیب)"
    r"|รั่ว|(?<!ค่า|ผู้)เสีย(?!ง|ใจ|เวลา|ค่า|เงิน|ดาย|สละ|ก่อน|ภาษี)|พัง|แตก|หยด|ชำรุด|ไม่ทำงาน|(?<!พ)ร้าว|หลวม"
    r"|สึก|ตัน|ไม่ติด|ไม่เย็น|เป็นรอย|บุบ|ขึ้นรา",
    re.I,
)

#: What a machine or device is for, stems ("drain", "cool", "boot"): a thing not doing one
#: is a fault; "it doesn't matter", "the move doesn't affect the date" are none.
_FUNCTIONS_EN = (
    r"work|start|drain|spin|cool|heat|boot|charg|load|open|clos|turn\s+on|turn\s+off|power\s+on"
    r"|connect|print|flush|lock|unlock|run|updat|sync|respond|ignit|switch\s+on|play|stream|pump"
    r"|dry|wash|freez|defrost|light|display|scan|pair|install|shut|fir|brak|steer|hold\s+charge"
    r"|boil|filter|heat\s+up|warm\s+up|cool\s+down|come\s+on"
)
_VERB_END = r"(?:e|es|s|ing|ning|ping|ting)?"
#: A thing that will not do what it is for: "the drum doesn't spin", "my dishwasher stopped
#: draining". The subject is a thing ("the …", "my …", "it"), not a relative ("my son
#: isn't coming"); ``fault`` is the part that says what is wrong.
_NOT_DOING = re.compile(
    rf"(?<![\w'’])(?:it|(?:the|my|our|this|that)(?:\s+(?!(?:{relation_words(0)})\b)[a-z-]+){{1,3}})"
    r"\s+(?P<fault>(?:won'?t|wouldn'?t|doesn'?t|does\s+not|isn'?t|is\s+not|aren'?t|can'?t|cannot"
    rf"|keeps?\s+failing\s+to)\s+(?:even\s+|properly\s+)?(?:{_FUNCTIONS_EN}){_VERB_END}"
    rf"|(?:has\s+|have\s+|'s\s+)?stopped\s+(?:{_FUNCTIONS_EN})(?:ning|ping|ting|ing))"
    r"(?![\w'’])",
    re.I,
)
#: Persian: a function a thing does («روشن», «خنک», «تخلیه», «شارژ») not done: «… نمیکنه»,
#: «… نمیشه».
_NOT_DOING_FA = re.compile(
    rf"(?<![{_FA}])(?:روشن|خاموش|خنک|گرم|تخلیه|شارژ|باز|بسته|وصل|آبگیری|تمیز|استارت|کار"
    rf"|آب\s*گرم|خشک|سرد|قفل|پخش|لود|بوت)\s+نمی[\u200c\s]?(?:کنه|کند|شه|شود|کنن|شن|ده|دهد)"
    rf"(?![{_FA}])"
)
#: Thai: «ไม่» before a function a machine does: «ไม่ระบายน้ำ», «ไม่ปั่นแห้ง», «ไม่หมุน».
_NOT_DOING_TH = re.compile(
    r"ไม่(?:ระบาย|ปั่น|หมุน|ชาร์จ|สตาร์ท|ทำความเย็น|ทำความร้อน|ไหล|ดูด|ซัก|อุ่น|จ่ายไฟ|เชื่อมต่อ"
    r"|ตัด|ร้อน|บูต|บู๊ต|ออกอากาศ|ทำน้ำ)"
)
#: A question of why: it asks the cause of a fault, it finds none.
_ASKS_WHY = re.compile(rf"(?<![\w'’])(?i:why)(?![\w'’])|(?<![{_FA}])چرا(?![{_FA}])|ทำไม")
#: A fault said of a feeling or of oneself: "my heart is broken", "I'm worn out", «حالم
#: خیلی خرابه», «قلبم شکسته», «ใจพังมาก», «ผมตันมากเลย» (I'm stuck).
_FEELING_BEFORE = re.compile(
    r"(?:(?<![\w'’])(?:heart|mood|spirit|soul|nerves|head|brain|i'?m|i\s+am|we'?re|we\s+are"
    r"|i\s+feel|feeling|i'?ve\s+been|am)(?:\s+(?:is|are|so|really|completely|totally|just"
    r"|a\s+bit|all|feeling|pretty|quite|very|been))*\s*"
    rf"|(?<![{_FA}])(?:حال|قلب|دل|اعصاب|روحیه|روح|مغز)(?:م|مون|ت|ش|تون|شون)?"
    rf"(?:\s+(?:خیلی|واقعا|واقعاً|کلا|یکم|حسابی|دیگه|بدجور))*\s*"
    # a pronoun alone, not «ของผม» (mine: «เครื่องของผมพัง», my machine broke)
    r"|(?:ใจ|หัวใจ|อารมณ์|สมอง|ชีวิต|(?<!ของ)(?:ผม|ฉัน|หนู|เรา|กู))(?:มาก|จัง|เลย|ก็)?)$",
    re.I,
)

#: A fault feared, not found: "I'm afraid the glass might get broken", «میترسم خراب بشه»,
#: «ขนมกลัวแตก» (the sweets may break): what the customer worries about, nothing wrong yet.
_FEARED_BEFORE = re.compile(
    r"(?<![\w'’])(?:afraid|worried|scared|fear|in\s+case)(?![\w'’])[^.!?]*$"
    rf"|(?<![{_FA}])(?:می[\u200c\s]?ترسم|می[\u200c\s]?ترسیم|نگرانم|نگرانیم|نکنه)(?![{_FA}])[^.!?؟]*$"
    r"|(?:กลัว|กังวลว่า|ห่วงว่า)\S*$",
    re.I,
)

#: A diet or an allergy the customer states: a constraint every later offer must keep.
_DIET = re.compile(
    r"(?<![\w'’])(?:allerg(?:y|ies|ic)|intoleran(?:t|ce)|vegetarian|vegan|coeliac|celiac|halal"
    r"|kosher|gluten[-\s]free|dairy[-\s]free|nut[-\s]free|lactose)(?![\w'’])"
    rf"|(?<![{_FA}])(?:حساسیت|آلرژی|گیاهخوار|گیاه\u200cخوار|وگان|حلال|عدم\s+تحمل)"
    r"|แพ้|มังสวิรัติ|กินเจ|ทานเจ|วีแกน|ฮาลาล|ไม่(?:กิน|ทาน)(?:เนื้อ|หมู|ไก่|กุ้ง|ถั่ว|นม|เผ็ด)",
    re.I,
)

#: A question that asks where («ไหน» after a verb of being or going: «อยู่ไหน», «ไปไหน»;
#: after a noun it asks which one, «รุ่นไหน»), or asks for a name.
_ASKS_WHERE = re.compile(
    rf"(?<![\w'’])(?i:where)(?![\w'’])|(?<![{_FA}])کجا"
    r"|(?:ที่|อยู่|ไป|มา|จาก|แถว|ตรง|ส่ง)\s*ไหน(?!ๆ)"
)
#: A reply that answers nothing: a refusal, a deferral, not knowing ("not sure what you
#: mean", «بعدا میگم بهتون», «ไม่บอกดีกว่าครับ», «รอสักครู่นะคะ», "let me check", «ขอ
#: สอบถามหัวหน้าก่อน», asking the supervisor first).
_NO_ANSWER = re.compile(
    r"(?<![\w'’])(?:not\s+sure|no\s+idea|don'?t\s+know|dunno|rather\s+not|prefer\s+not"
    r"|(?:tell|say)\s+you\s+later|later|what\s+do\s+you\s+mean|why|not\s+telling"
    r"|(?:one|a)\s+(?:moment|sec|second|minute)|hold\s+on|let\s+me\s+(?:check|ask|find\s+out)"
    r"|i'?ll\s+(?:check|ask|find\s+out))(?![\w'’])"
    # not remembering: "can't remember", «یادم نیست», «یادم رفت», «ลืมแล้ว»
    rf"|{FORGETTING}"
    rf"|(?<![{_FA}])(?:نمی[\u200c\s]?دونم|نمی[\u200c\s]?دانم|بعدا|بعداً|نمیگم|نمی[\u200c\s]?گم"
    rf"|چرا|ترجیح\s+میدم|یه\s+لحظه|چند\s+لحظه|صبر\s+کنید|بپرسم|چک\s+کنم|بررسی\s+کنم)(?![{_FA}])"
    r"|ไม่บอก|ไม่รู้|ไม่แน่ใจ|ทำไม|ไว้ทีหลัง|ไว้บอก|ไม่สะดวกบอก|รอสักครู่|สักครู่|แป๊บ|สอบถาม|ขอถาม|ขอเช็ค|ตรวจสอบก่อน",
    re.I,
)
#: Thai words that say nothing an answer names: particles, "well", "then", "also" («ก็»,
#: «งั้น», «ด้วย»). Thai terms are letter trigrams, so «ส่วนที่เหลือก็» has one that the
#: question's «ส่วนที่เหลือ» has not: the answer is read without them instead.
_TH_FILLER = re.compile(r"นะครับ|นะคะ|ครับ|คับ|ค่ะ|คะ|ค่า|จ้ะ|จ้า|นะ|ก็|งั้น|แล้วก็|แล้ว|ด้วย|เหมือนกัน|อ่ะ|อะ|เลย")
#: «ไหน» after a noun asks which one: «รุ่นไหน», «สาขาไหน».
_ASKS_WHICH_TH = re.compile(r"ไหน(?!ๆ)")
_ASKS_NAME = re.compile(
    rf"(?<![\w'’])(?i:name|who)(?![\w'’])|(?<![{_FA}])(?:نام|اسم|کیه|چه\s+کسی)|ชื่อ"
)


#: The kinds of clause a detail keeps (module doc). "answer": a customer's bare answer to a
#: what- or which-question, a choice the context shows only where no other detail needs the
#: room (``replaced_details.share_order``).
CLAUSE_KINDS = frozenset(
    {"instruction", "choice", "person", "place", "problem", "correction", "answer"}
)


@dataclass(frozen=True)
class KeptClause:
    """The clause of a unit a detail keeps, and the kind of thing it states."""

    text: str
    kind: str


def clauses_kept(unit: Sequence[Candidate]) -> list[KeptClause]:
    """The clauses of a question–answer unit or sentence that state a request, a choice, a
    person, a place or a fault (module doc), in order, none inside another."""
    found: list[KeptClause] = []
    for index, candidate in enumerate(unit):
        asked = unit[index - 1] if index else None
        if asked is not None and (
            asked.speaker == candidate.speaker or not is_question(asked.text)
        ):
            asked = None
        found += _of_sentence(candidate, asked)
    kept: list[KeptClause] = []
    for clause in found:
        if any(clause.text in other.text != clause.text for other in found):
            continue  # inside a longer clause kept
        if all(clause.text != other.text for other in kept):
            kept.append(clause)  # the first kind found names it
    return kept


def _of_sentence(candidate: Candidate, asked: Candidate | None) -> list[KeptClause]:
    text = candidate.text
    found: list[KeptClause] = []
    if asked is not None and _answers(_clean(text), asked.text):
        answer = _without_particle(_clean(text))
        if _ASKS_WHERE.search(asked.text):
            found.append(KeptClause(answer, "place"))
        elif _ASKS_NAME.search(asked.text):
            found.append(KeptClause(answer, "person"))
        elif _ASKS_WHICH_TH.search(asked.text):
            found.append(KeptClause(answer, "choice"))  # «ธนาคารไหน», which bank
    for person in people_named(text):
        found.append(KeptClause(_clause_at(text, person.start), "person"))
    for pattern in (_PROBLEM, _NOT_DOING, _NOT_DOING_FA, _NOT_DOING_TH):
        for match in pattern.finditer(text):
            before = text[max(0, match.start() - 40) : match.start()]
            if _FEELING_BEFORE.search(before) or _FEARED_BEFORE.search(before):
                continue  # "my heart is broken", «حالم خرابه», «กลัวแตก»: no fault found
            clause = _clause_at(text, match.start())
            if _ASKS_WHY.search(clause) and is_question(text):
                continue  # "why did it burn?", «چرا سوخته حالا؟»: asks of a fault told before
            # the fault of what: "it's leaking" alone says of nothing
            fault = match.group("fault") if "fault" in pattern.groupindex else match.group()
            if content_terms(clause.replace(fault, " ")):
                found.append(KeptClause(clause, "problem"))
    if candidate.speaker == "User":
        found += [_named_choice(clause, asked) for clause in _customer_clauses(text)]
        said = confirmed_read_back(asked.text, text) if asked is not None else None
        if said is not None and not _ASKS_INFO_FA.search(said):
            found.append(KeptClause(said, "choice"))  # «یعنی … ؟» «اره»: agreed to
    if asked is not None and candidate.speaker == "User" and _answers(_clean(text), asked.text):
        answer = _without_particle(_clean(text))
        if _answers_what(asked.text, answer, text):
            # "what colour?" "burgundy"; last, so a kind found above names it first
            found.append(KeptClause(answer, "answer"))
    return [
        clause
        for clause in found
        if clause.text
        and content_terms(clause.text)
        and not _TH_CHANGE_ANNOUNCED.match(clause.text)
    ]


#: A Thai request to change something that names no new value: «ขอแก้ที่อยู่นิดนึงค่ะ» (I'd
#: like to fix the address), «แล้วก็ขอเลื่อนวันส่งได้ไหมคะ» (can I move the delivery day?).
#: What it will be comes in a later turn, which states it; this one says only that a change
#: is coming: after the change word and what is changed («ที่อยู่», «วันส่ง») there is nothing
#: but asking and politeness («นิดนึง», «ได้ไหม», «ค่ะ»). Anything else says what to
#: («ขอเลื่อนเป็นหลังปีใหม่ได้ไหมคะ», «ขอเปลี่ยนสีครีมค่ะ», «ขอเปลี่ยนห้องเตียงคู่ค่ะ») and is kept.
_TH_CHANGE_OBJECT = (
    r"ที่อยู่|วันส่ง|วันเวลา|วันนัด|เวลานัด|เวลาส่ง|เวลา|วันที่|วัน|นัด|รอบ|ที่ส่ง|สถานที่"
    r"|จัดส่ง|ส่ง|รับ|สี|ห้อง|ไซส์|ไซซ์|ขนาด|เบอร์|ชื่อ|รายการ|ออเดอร์|คำสั่งซื้อ|ข้อมูล"
    r"|การจอง|จอง|ที่|อัน|นี้|นั้น|หน่อย"
)
_TH_CHANGE_ANNOUNCED = re.compile(
    r"^(?:แล้วก็|แล้ว|งั้น|อ้อ|เอ่อ|แต่|คือ)?\s?ขอ(?:แก้ไข|แก้|เลื่อน|เปลี่ยน|ย้าย)"
    rf"(?:\s?(?:{_TH_CHANGE_OBJECT}))*"
    r"(?:\s?(?:นิดนึง|นิดหน่อย|หน่อย|นิด|ได้ไหม|ได้มั้ย|ได้มั๊ย|ได้ป่าว|ได้|ไหม|มั้ย|ด้วย|อีกที"
    r"|ค่ะ|คะ|ครับ|คับ|ครัช|นะ|จ้ะ|จ้า|ค่า|ก่อน|[.!?~]))*\s*$"
)


#: «همون», «همین», «همان» with «رو», and the yes or okay before them: a choice that points
#: at something said before and names nothing itself («آره همون», "yes, that same one").
_FA_POINTING = re.compile(
    rf"^(?:(?:{reply_words(PERSIAN_YES | PERSIAN_ACKNOWLEDGEMENTS)}|همون|همین|همان|رو|را|دیگه)"
    rf"(?![{_FA}])[\s،,.!]*)+$"
)


def _named_choice(clause: KeptClause, asked: Candidate | None) -> KeptClause:
    """``clause``, or for a Persian choice that only points («همون»), the clause of the
    question it answers that names what it points at («همون آدرس قبلی؟»), or nothing."""
    if clause.kind != "choice" or not _FA_POINTING.match(clause.text):
        return clause
    if asked is not None:
        for match in _CHOICE.finditer(asked.text):
            named = _TAIL.sub("", _clause_at(asked.text, match.start()))
            if not _FA_POINTING.match(named):
                return KeptClause(named, "choice")
    return KeptClause("", "choice")


def _answers(answer: str, question: str) -> bool:
    """Whether ``answer`` is a bare answer to ``question``: short, not itself a question,
    no refusal or deferral, and with a content term the question does not already hold
    (a reply that only repeats the question's words tells nothing)."""
    if not 0 < len(answer) <= MAX_ANSWER_CHARS or is_question(answer):
        return False
    if _NO_ANSWER.search(answer):
        return False
    if _TH_LETTER.search(answer) and _TH_FILLER.sub("", answer).strip() in question:
        return False  # «ส่วนที่เหลือก็» (the rest, well …) to «ส่วนที่เหลือ…จ่ายแบบไหน»
    return bool(set(content_terms(answer)) - set(content_terms(question)))


def _answers_what(question: str, answer: str, sentence: str) -> bool:
    """Whether a customer's ``answer`` names what a what- or which-question asks for (not
    «همون», which only points: ``_named_choice`` reads it)."""
    if _FA_POINTING.match(answer) or names_nothing(answer) or is_small_talk(sentence):
        return False
    return asks_what(question)


def _customer_clauses(text: str) -> list[KeptClause]:
    """Requests, decisions, choices, relatives and whereabouts in a customer's sentence."""
    found = [KeptClause(i.text, "instruction") for i in instructions(text)]
    found += [KeptClause(_clause_at(text, m.start()), "instruction") for m in _DIET.finditer(text)]
    for kind, pattern in (
        ("choice", _CHOICE),
        ("person", _RELATION),
        ("place", _WHERE_IT_IS),
        ("place", _FACING),
        ("correction", _PUT_RIGHT),
    ):
        found += [KeptClause(_clause_at(text, m.start()), kind) for m in pattern.finditer(text)]
    for settled in _SETTLED.finditer(text):
        clause = _clause_at(text, settled.start())
        if not is_question(clause):
            found.append(KeptClause(clause, "choice"))
    for pattern, asks_info in (
        (_REQUEST_EN, _ASKS_INFO_EN),
        (_REQUEST_FA, _ASKS_INFO_FA),
        (_REQUEST_TH, _ASKS_INFO_TH),
    ):
        for match in _request_matches(text, pattern):
            clause = _clause_at(text, match)
            if _asks_for_something(clause) and not asks_info.search(clause):
                found.append(KeptClause(clause, "instruction"))
    found += [
        KeptClause(_clause_at(text, at), "instruction") for at in _request_matches(text, _SUITS_EN)
    ]
    for at in preference_starts(text):
        clause = _clause_at(text, at)
        # "… instead", «… ดีกว่า»: a choice made over what was settled, asked of no one
        if states_preference(clause, text) and _asks_for_something(PREFERRED.sub(" ", clause)):
            found.append(KeptClause(clause, "choice"))
    found += [KeptClause(_clause_at(text, at), "person") for at in own_people_named(text)]
    return found


def _asks_for_something(clause: str) -> bool:
    """Whether a request clause asks for something to remember: enough content besides
    its request words (a Persian verb of request or decision says nothing of what; an
    English imperative does: "plug it back in"), Thai measured in letters (see
    ``MIN_THAI_REQUEST_LETTERS``), and nothing the customer does for themselves, no
    feeling, wish or joke (``_CHAT``, ``_TH_COURTESY``)."""
    if _CHAT.search(clause) or _TH_COURTESY.search(clause):
        return False
    if _TH_LETTER.search(clause):
        letters = len(_TH_NOT_CONTENT.sub("", clause))
        others = content_terms(re.sub(f"[{_TH}]+", " ", clause))
        return letters + 2 * len(others) >= MIN_THAI_REQUEST_LETTERS
    if _FA_BY_WAY_OF.search(clause):
        return True  # «با پیک بفرستید»: the way is what is asked for
    return len(content_terms(_REQUEST_FA.sub(" ", clause))) >= MIN_REQUEST_TERMS


def _request_matches(text: str, pattern: re.Pattern[str]) -> list[int]:
    """Where ``pattern`` matches in ``text``, at a clause's start for its anchored parts."""
    starts = [m.start() for m in pattern.finditer(text)]
    for start, end in _clause_spans(text):
        lead = _LEAD.match(text, start, end)
        at = lead.end() if lead else start
        match = pattern.match(text[at:end])
        if match and at not in starts:
            starts.append(at)
    return sorted(starts)


def _clause_spans(text: str) -> list[tuple[int, int]]:
    """The clauses of ``text``: a Thai sentence's are the splitter's, cut at its spaces (a
    detail reads the clauses of a Thai turn joined, ``thai_sentences``; what it keeps of
    them is the clause that says it), each cut again at clause marks."""
    spans: list[tuple[int, int]] = []
    for piece_start, piece_end in _thai_clause_spans(text):
        start = piece_start
        for cut in _CLAUSE_BREAK.finditer(text, piece_start, piece_end):
            if cut.group() == "," and _CONTRAST_TAIL.match(text, cut.end()):
                continue  # "invoice the company, not me": one instruction
            spans.append((start, cut.start()))
            start = cut.end()
        spans.append((start, piece_end))
    return [(s, e) for s, e in spans if e > s]


def _thai_clause_spans(text: str) -> list[tuple[int, int]]:
    if not _TH_LETTER.search(text):
        return [(0, len(text))]
    spans: list[tuple[int, int]] = []
    at = 0
    for clause in split_sentences(text):
        start = text.find(clause, at)
        if start < 0:
            return [(0, len(text))]  # spaces the splitter collapsed: one span
        spans.append((start, start + len(clause)))
        at = start + len(clause)
    return spans


def _clause_at(text: str, at: int) -> str:
    """The clause of ``text`` around ``at``, its opening filler left out, cut after
    ``MAX_CHARS`` from ``at``."""
    for start, end in _clause_spans(text):
        if start <= at < end:
            break
    else:
        return ""
    clause = _clean(text[start:end])
    if len(clause) <= MAX_CHARS:
        return clause
    return _clean(text[at : at + MAX_CHARS].rsplit(" ", 1)[0])


def _without_particle(answer: str) -> str:
    """A bare Thai answer without the polite particle closing it (``_TH_PARTICLE_TAIL``)."""
    return _TH_PARTICLE_TAIL.sub("", answer).strip() or answer


def _clean(text: str) -> str:
    text = _LEAD.sub("", text)
    return _TAIL.sub("", text).strip()
