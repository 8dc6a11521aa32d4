"""Words that carry no content: function words and chat filler, per language.

Stop words are dropped when measuring what a sentence is about. Filler words
(greetings, thanks, acknowledgements, polite particles) are dropped too, and a
sentence made only of them is filler that a summary can do without.

The words of a reply (yes, acknowledgements, thanks, greetings) stand here once per
language, in named sets: each reader composes the sets its job needs and names its
own extras beside them.
"""

import re
from collections.abc import Iterable

#: One emoji (pictographs, symbols, dingbats): chat messages close a clause with one as
#: often as with a full stop ("so back to navy 🙃", "Switched to Pro ✅").
EMOJI = r"[\U0001f300-\U0001faff\u2600-\u27bf]"


def word_set(words: str) -> frozenset[str]:
    """A frozenset from whitespace-separated words (lists stay readable in any script)."""
    return frozenset(words.split())


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, longest first (a phrase before its first word)."""
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


#: Words that say yes.
ENGLISH_YES = word_set("yes yeah yep yup")
PERSIAN_YES = word_set("بله آره")
THAI_YES = word_set("ใช่")
#: Words that take what was said or agree to what was asked.
ENGLISH_ACKNOWLEDGEMENTS = word_set("ok okay sure alright fine right")
PERSIAN_ACKNOWLEDGEMENTS = word_set("باشه اوکی چشم حتما حتماً")
THAI_ACKNOWLEDGEMENTS = word_set("โอเค ได้เลย")
ENGLISH_THANKS = word_set("thanks thank cheers")
PERSIAN_THANKS = word_set("ممنون مرسی")
THAI_THANKS = word_set("ขอบคุณ")
ENGLISH_GREETINGS = word_set("hi hello hey hiya")
PERSIAN_GREETINGS = word_set("سلام درود")
THAI_GREETINGS = word_set("สวัสดี")
#: Reply words that are also nouns: «چشم» is "yes sir" and "eye" («چشم پزشکی», «چشم‌بند»),
#: "fine" is "all right" and a penalty ("fine ref PCN-8812") or a quality ("fine mesh").
#: A reader of single words leaves them out; a reader of a reply's opening takes one only
#: where no word naming a thing follows it (``reply_words``).
REPLY_NOUNS = word_set("fine چشم")
#: What a reply that takes what was said is made of: a yes, an acknowledgement, thanks.
ENGLISH_REPLIES = ENGLISH_YES | ENGLISH_ACKNOWLEDGEMENTS | ENGLISH_THANKS
PERSIAN_REPLIES = PERSIAN_YES | PERSIAN_ACKNOWLEDGEMENTS | PERSIAN_THANKS
THAI_REPLIES = THAI_YES | THAI_ACKNOWLEDGEMENTS | THAI_THANKS
#: The Thai polite particles a reply closes with, written as a word of their own
#: ("โอเค ค่ะ"); ``THAI_PARTICLES`` below has their spoken spellings too.
THAI_POLITE_WORDS = word_set("ค่ะ คะ ครับ นะคะ นะครับ จ้ะ จ้า")


ENGLISH_STOP_WORDS = word_set(
    """
    a about above after again against all am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for
    from further had has have having he her here hers herself him himself his how i if in
    into is it its itself just let me more most my myself nor not now of off on once only
    or other our ours ourselves out over own same she should so some such than that the
    their theirs them themselves then there these they this those through to too under
    until up very was we were what when where which while who whom why will with would
    you your yours yourself yourselves i'm i've i'd i'll it's that's there's what's don't
    doesn't didn't can't won't isn't aren't wasn't weren't you're we're they're also get
    got go going want wants like know think tell said say much many really still maybe
    one something anything else im ive id ill dont cant wont
    """
)

ENGLISH_FILLER = (
    ENGLISH_GREETINGS
    | ENGLISH_THANKS
    | ENGLISH_ACKNOWLEDGEMENTS
    | ENGLISH_YES
    | word_set(
        """
        thx ty k kk great bye goodbye good morning afternoon evening night cool nice no nope
        please welcome awesome perfect lol haha appreciate appreciated wonderful excellent
        glad well oh ah hmm wow help how doing today day
        """
    )
)

PERSIAN_STOP_WORDS = word_set(
    """
    و در به از که این آن اون را رو با برای است هست هستم هستی هستند هستیم بود باشد من تو ما
    شما او ایشان یک یه هم تا اما ولی یا اگر چون چه چی چیه همه هر نیز دیگر خود را که کی
    کجا چرا چطور چگونه می نمی شد شده کرد کرده کنم کنید کنی کند کنن میکنم می‌کنم بر
    ها های ای ام ات اش مان تان شان دارم داری دارد داره دارید دارن داریم باید شاید خیلی
    """
)

#: After a reply noun that is the reply word: the end, punctuation, or a word that names
#: no thing ("yeh fine just plug it in", «چشم اینم شماره‌ای که دادن»); not a word joined to
#: it («چشم‌بند») nor one naming a thing («چشم پزشکی», "fine ref PCN-8812").
_NAMES_NOTHING = ENGLISH_STOP_WORDS | PERSIAN_STOP_WORDS | word_set("اینم")
_NO_THING_AFTER = rf"(?!\u200c)(?!\s+(?!(?:{alternation(_NAMES_NOTHING)})(?![\w\u200c']))[^\W\d_])"


def reply_words(words: Iterable[str]) -> str:
    """A regex alternation of ``words`` in which a reply noun counts only where no word
    naming a thing follows it: «چشم، میفرستم» opens a reply, «چشم پزشکی» names a thing."""
    words = set(words)
    plain = alternation(words - REPLY_NOUNS)
    nouns = words & REPLY_NOUNS
    if not nouns:
        return plain
    return f"{plain}|(?:{alternation(nouns)}){_NO_THING_AFTER}"


PERSIAN_FILLER = (
    PERSIAN_GREETINGS
    | PERSIAN_THANKS
    | (PERSIAN_ACKNOWLEDGEMENTS - REPLY_NOUNS)  # «چشم»: a sentence may be about an eye
    | PERSIAN_YES
    | word_set(
        """
        ممنونم متشکرم تشکر سپاس سپاسگزارم خوبم خوبی خوبین خوبید چطوری چطورید خداحافظ
        خدانگهدار عالیه عالی نه نخیر لطفا لطفاً قربان قربونت فدات بفرمایید خواهش میکنم
        می‌کنم روز شب بخیر وقت کمک کمکتون کمکی می‌تونم میتونم تونم بتونم کنم
        """
    )
)

#: Thai has no spaces between words, so filler is removed as substrings; only
#: words unlikely to sit inside longer words are listed.
THAI_FILLER = (
    "มีอะไรให้ช่วย",
    "ยินดีให้บริการ",
    "ยินดีที่รู้จัก",
    "สบายดี",
    "ไม่เป็นไร",
    "สวัสดี",
    "ขอบคุณ",
    "ครับ",
    "ค่ะ",
    "คะ",
    "จ้ะ",
    "จ้า",
    "โอเค",
    "มากๆ",
    "มาก",
    "นะ",
    "ไหม",
)

#: Persian and Arabic letters and the zero-width non-joiner that joins a word's parts: one
#: character class, here where every module (``values`` among them) can import it.
FA_LETTERS = "\u0620-\u064a\u066e-\u06d3\u06d5\u06fa-\u06ff\u200c"
#: The whole Arabic block (letters, digits, marks, «،») and the zero-width non-joiner: what a
#: Persian word may not touch where a digit or a mark beside it joins the word too.
FA_BLOCK = "\u0600-\u06ff\u200c"

#: Thai polite and chat particles that end a phrase, the spoken spellings too ("คับ" for
#: "ครับ"): never part of a name or a value. One regex alternation, longest first.
#: Words before a number that label it («ห้อง 555», «เลขที่ 555», «เบอร์ 555»): after one, a
#: run of fives is that number, no laughter. Each reader of laughter adds the labels of its
#: own texts (``small_talk``: buildings and lines; ``thai_trims``: sums and seats).
THAI_NUMBER_LABELS = r"ห้อง|เลขที่|เลข|ชั้น|ซอย|หมู่|เบอร์|รหัส|โต๊ะ|(?i:no|room)\.?|#"
THAI_PARTICLES = r"(?:นะครับ|นะคะ|ครับ|ค้าบ|คับ|ค่ะ|คะ|ค่า|งับ|ฮะ|นะ|จ้ะ|จ้า|จ๊ะ)"


#: A day named only relative to when it is said ("anything else I can help with today?"):
#: no value a detail keeps unless something else of it is (a time, a part of the day).
ENGLISH_RELATIVE_DAYS = word_set("today tonight tomorrow yesterday")
PERSIAN_RELATIVE_DAYS = word_set("امروز امشب فردا دیروز")
THAI_RELATIVE_DAYS = word_set("วันนี้ คืนนี้ พรุ่งนี้ เมื่อวาน")
RELATIVE_DAYS = ENGLISH_RELATIVE_DAYS | PERSIAN_RELATIVE_DAYS | THAI_RELATIVE_DAYS

#: More words for a day counted from when it is said: short spellings ("tmrw"), the day
#: after tomorrow and the day before yesterday, a part of this day («เช้านี้», this
#: morning). Not in ``RELATIVE_DAYS``, whose readers were measured with its four.
ENGLISH_MORE_RELATIVE_DAYS = word_set("tmrw tmr")
PERSIAN_MORE_RELATIVE_DAYS = word_set("پس‌فردا پریروز")
THAI_MORE_RELATIVE_DAYS = word_set("มะรืน เช้านี้ บ่ายนี้ เย็นนี้")
#: Words that count a weekday, week or month from now: "this/next Saturday" (English
#: puts them before), «شنبه این هفته», «هفته بعد» and «همین شنبه» (Persian, after or
#: before), «เสาร์นี้», «เดือนหน้า» (Thai, after, in the same word).
ENGLISH_FROM_NOW = word_set("this next coming last")
PERSIAN_FROM_NOW_AFTER = word_set("این بعد آینده دیگه دیگر پیش")
PERSIAN_FROM_NOW_BEFORE = word_set("این همین")
THAI_FROM_NOW = word_set("นี้ หน้า")

#: Persian adverbs that say a figure is the whole ("in all", "altogether"), each with its
#: tanvin and as people type it without: «جمعاً» (summed), «کلاً» (wholly), «مجموعاً» (in
#: sum). Each reader takes the ones its job needs.
PERSIAN_SUMMED = word_set("جمعاً جمعا")
PERSIAN_WHOLLY = word_set("کلاً کلا")
#: The 'wholly' forms that say a total («کلاً»): the order_total topic's; «کلا», written
#: without its tanwin, also asks the whole («کلا چند؟») and is left out.
PERSIAN_WHOLLY_SAID = word_set("کلاً")
PERSIAN_IN_SUM = word_set("مجموعاً مجموعا")
PERSIAN_IN_ALL = PERSIAN_SUMMED | PERSIAN_WHOLLY | PERSIAN_IN_SUM
