"""Rule-based key facts: what a conversation is about, keyed by subject, in its own language.

Every message is read in order, with the dialogue around it:

- a customer's own statements ("this is Sara", «اسمم مریمه») and instructions
  ("please leave it with the doorman");
- every shaped value (``values``), whose subject comes from
  1. a cue beside it in the same sentence ("delivered on Friday" → ``delivery_date``),
  2. else the open question it answers ("Could you share your order number?" →
     "Sure, it's ORD-48213" → ``order_id``),
  3. else, in a correction ("sorry, it's 48231"), the known fact of the same
     kind that it corrects,
  4. else its shape, where that alone says what it is (the email a customer gives
     is theirs; "ORD-…" is an order);
  a value named as the old one ("not 96", "instead of Thursday") is skipped;
- a reply to a question about a name or an address that holds no shaped value
  is itself the value.

A value that is only a part of a held one never replaces it without a word of
correction (``fragments``): a flat or floor said after the whole address is kept under
``address_detail``; a bare number corrects a held sum only when the correction leads it;
a day named from when it is said ("tomorrow", «فردا») does not replace a named day
unless a word of update ("now", "new", «الان», «ตอนนี้») moves it.
A date or time no subject word names, with no word of correction in its sentence,
moves a held one only when one subject holds that kind, or the message names which;
else it is kept apart (``other_date``, ``other_time``) and replaces nothing. A code put
right under one key is put right where it was noted too (``reference_2``).

Each change of a value is reported in the order stated, so a total and its
correction in one batch both reach the history. A value that only restates
what is already known under that key (the same words, or some of them:
"Tuesday" after "Tuesday 3 December") is not reported again.
"""

from __future__ import annotations

import copy
import dataclasses
import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from domain.memory.engine import ExtractedFact, TranscriptLine
from domain.memory.offline.added_charges import added_charge
from domain.memory.offline.agent_numbers import agents_own_phone
from domain.memory.offline.ages_fa import UNNAMED_AGE, age_key, is_age_key
from domain.memory.offline.amounts_fa import given_back
from domain.memory.offline.arrivals import of_someone as arrival_of_someone
from domain.memory.offline.asked_to_be import asks_to_be
from domain.memory.offline.brand_models import (
    brand_before,
    brand_start,
    named_instead_of,
    replaces_model,
    someone_elses,
    town_and_postcode,
)
from domain.memory.offline.changed_charges import charge_changed
from domain.memory.offline.changed_counts import counts_a_noun
from domain.memory.offline.charges import charge_span, same_charge
from domain.memory.offline.company_names import COMPANY_NAME, company_names
from domain.memory.offline.contact_names import contact_names
from domain.memory.offline.corrected_quotes import bare_price
from domain.memory.offline.day_hire import hired_by_the_day, priced_per_period
from domain.memory.offline.deducted import taken_off
from domain.memory.offline.dialogue import (
    Conversation,
    is_correction,
    is_negated,
    is_question,
    is_update,
)
from domain.memory.offline.fact_keys import base_key, canonical_key, known_spellings, restates
from domain.memory.offline.fact_match import ClaimedSpans, FactMatch
from domain.memory.offline.fees_named import fee_of_named_subject
from domain.memory.offline.forgetting import FORGETTING
from domain.memory.offline.fragments import (
    building_part_only,
    moved_to,
    number_said_as_correction,
    part_of_fuller_address,
)
from domain.memory.offline.free_of_charge import said_free
from domain.memory.offline.garment_sizes import counts_garments
from domain.memory.offline.granted_requests import asked_and_granted
from domain.memory.offline.held_days_named import held_day_named
from domain.memory.offline.holder_names import holder_key, names_on_record
from domain.memory.offline.included_with import included_with
from domain.memory.offline.instructions import (
    INSTRUCTION_KEYS,
    Instruction,
    instructions,
    preparations,
    same_instruction,
)
from domain.memory.offline.invoices_sent import billed_to, invoices_sent_to
from domain.memory.offline.lead_ins import lead_in, shown_with_lead
from domain.memory.offline.lexicon import (
    ENGLISH_ACKNOWLEDGEMENTS,
    ENGLISH_GREETINGS,
    ENGLISH_STOP_WORDS,
    ENGLISH_YES,
    PERSIAN_ACKNOWLEDGEMENTS,
    PERSIAN_GREETINGS,
    PERSIAN_STOP_WORDS,
    PERSIAN_YES,
    RELATIVE_DAYS,
    THAI_ACKNOWLEDGEMENTS,
    THAI_PARTICLES,
    THAI_POLITE_WORDS,
    THAI_YES,
    alternation,
    reply_words,
    word_set,
)
from domain.memory.offline.listed_ids import listed_ids
from domain.memory.offline.meal_limits import VISIT_TIMES, limits_a_meal
from domain.memory.offline.measured_things import things_measured
from domain.memory.offline.moved_values import MOVED_FROM, moved_values, with_moved_from
from domain.memory.offline.named_choices import named_choices, same_choice
from domain.memory.offline.named_codes import code_named, code_of_named_thing, door_code
from domain.memory.offline.named_fa import things_named
from domain.memory.offline.names_en import name_replied, names_in_passing
from domain.memory.offline.not_standing import counts_times, not_standing
from domain.memory.offline.noted_subjects import noted_naming, subject_words
from domain.memory.offline.offered_choices import offered_together
from domain.memory.offline.offers_taken import offered_change, takes_offer
from domain.memory.offline.our_contacts import a_teams_contact, sent_to_us
from domain.memory.offline.party_sizes import offered_size_taken, party_sizes
from domain.memory.offline.percent_shares import share_of_percent
from domain.memory.offline.period_starts import start_given, start_told
from domain.memory.offline.person_names import (
    RELATION_KEYS,
    is_customers_given_name,
    name_words,
    people_named,
    relation_asked,
)
from domain.memory.offline.plates_said_again import plate_said_again
from domain.memory.offline.postcodes_put_right import addresses_put_right
from domain.memory.offline.prices_brought_down import price_brought_down
from domain.memory.offline.prices_by_difference import PRICE_DIFFERENCE
from domain.memory.offline.quoted_phones import quoted_phone_replaced
from domain.memory.offline.quoted_prices_taken import quoted_price_taken
from domain.memory.offline.rates import RATE_AFTER
from domain.memory.offline.read_back_noes import read_back_put_right, reply_read
from domain.memory.offline.reasked import corrected_key, doubts, quotes
from domain.memory.offline.reason_clauses import opens_reason_clause
from domain.memory.offline.redirected_deliveries import (
    redirected_delivery,
    redirected_in_request,
)
from domain.memory.offline.role_holders import holders_named
from domain.memory.offline.self_statements import stated_facts
from domain.memory.offline.sentence_bounds import SENTENCE_END, sentence_bounds
from domain.memory.offline.span_ends import SPAN_DAYS, span_end
from domain.memory.offline.span_starts import starts_span
from domain.memory.offline.spoken_copula import without_copula
from domain.memory.offline.stay_ends import stay_end_moved
from domain.memory.offline.subjects import (
    OTHER_PERSONS,
    STRONG,
    TOPICS,
    Cue,
    Topic,
    cues_in,
    topics_named,
)
from domain.memory.offline.subjects import topic as topic_by_name
from domain.memory.offline.switched_prices import OPTION_PRICES, switched_price
from domain.memory.offline.thai_addresses import named_in_reply
from domain.memory.offline.thai_answers import asked_label, leads_reply
from domain.memory.offline.thai_changes import change_key, changes_named
from domain.memory.offline.thai_contact_handles import line_id_replied, line_ids
from domain.memory.offline.thai_cues import counted_from, is_thai, near_words, opens_next_clause
from domain.memory.offline.thai_instructions import no_longer_in_thai, no_longer_wants
from domain.memory.offline.thai_named_things import card_replied, named_things
from domain.memory.offline.thai_quoted_names import quoted_names
from domain.memory.offline.things_moved import another_things, moves_another_event, thing_moved
from domain.memory.offline.ticket_names import passenger_key, ticket_names
from domain.memory.offline.told_in_past import still_current
from domain.memory.offline.values import (
    FA_LETTERS,
    FA_SOLAR_MONTH,
    POSTCODE,
    TH_PER_AFTER,
    Kind,
    ValueSpan,
    code_words,
    counted,
    digits_of,
    find_values,
    is_range,
    measured,
    party_size,
)
from domain.memory.offline.wording_en import calls_it_home, points_back, sends_there
from domain.memory.offline.wording_fa import (
    SCHEDULING,
    SEPARATELY,
    THAT_ORDER,
    town_opening,
)
from domain.memory.offline.worked_sums import Role, role_in_working
from domain.memory.offline.workers_counted import counts_workers
from domain.memory.offline.years_said import year_bought

_FA = FA_LETTERS

#: How far (characters) a cue may sit before or after its value, within one sentence.
_CUE_REACH_BEFORE = 60
_CUE_REACH_AFTER = 28
#: A bare number is an id only with this many digits ("order 48213", not "order 2 more").
_MIN_ID_DIGITS = 3
#: Ids, bare numbers and measures belong to the word right before them ("order
#: 48213", "178.5 cm tall"), not to one a clause away.
_SHORT_REACH = {
    Kind.NUMBER: 24,
    Kind.IDENTIFIER: 28,
    Kind.LENGTH: 14,
    Kind.WEIGHT: 20,
    Kind.COUNT: 14,
    # a measure stands by the thing it sizes ("a 1TB hard drive", "battery is 10.4 kWh"):
    # "12 x Longi 435W (5.22 kWp), the Fox ESS battery" sizes no battery
    Kind.MEASURE: 14,
}

#: Identifiers whose prefix says what they are, with no cue needed.
_ID_PREFIXES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(rf"^#?(?:{prefix})[-\s#]?\d", re.IGNORECASE), key)
    for prefix, key in (
        (r"ORD|ORDER|SO", "order_id"),
        (r"TCK|TKT|TIC|TICKET|CASE|INC|REQ|SR", "ticket_id"),
        (r"TRK|TRACK", "tracking_number"),
        (r"INV", "invoice_number"),
        (r"SN|SER", "serial_number"),
        (r"BK|BKG|RES|PNR", "booking_reference"),
        (r"RMA|RET", "return_id"),
    )
)

#: Keys whose values are sums of money: a bare number there is an amount ("it should be 84").
_AMOUNT_KEYS = frozenset(
    {
        "order_total",
        "refund_amount",
        "shipping_cost",
        "price",
        "discount",
        "deposit",
        "fee",
        "monthly_fee",
        "monthly_income",
        "payment_amount",
        "balance_due",
        "invoice_amount",
        "estimate_amount",
    }
)

#: Keys of things a conversation may hold several of (orders, tickets, instructions):
#: a new value is another one unless the message corrects the earlier.
ENTITY_KEYS = frozenset(
    {
        "delivery_instruction",
        "contact_preference",
        "order_id",
        "ticket_id",
        "tracking_number",
        "invoice_number",
        "serial_number",
        "account_number",
        "return_id",
        "second_contact_phone",
        "building_office_phone",
        "price",
        # a compensation coupon and the one that failed on another order are two coupons
        "coupon_code",
        # the customer's car and the courtesy car lent while it is in are two vehicles
        "vehicle_plate",
        *RELATION_KEYS,
    }
)


#: How many values noted without a subject a session keeps per kind; the rest share the last key.
MAX_NOTED = 12
PRODUCT_MODEL = "product_model"
#: The key of a part inside a building said after a fuller address (``fragments``).
ADDRESS_PART = "address_detail"
#: The key of amounts named by a charge of their own (``charges``).
CHARGE = "charge"
#: The key of a Thai reply's value named by the words its question asked it by
#: (``thai_answers``).
ANSWER = "answer"


def _of_the_order_named(key: str, text: str, value: ValueSpan, facts: _Facts) -> str:
    """«مبلغ اون سفارش ۴۱۲ هزار تومان بوده» after a second order number: that order's
    total (``order_total_2``), not a new total of the first."""
    if not key.startswith("order_") or key.startswith("order_id"):
        return key
    if not THAT_ORDER.search(_sentence_of(text, value)):
        return key
    latest = next((item.key for item in facts.recent() if base_key(item.key) == "order_id"), None)
    if latest is None or latest == "order_id":
        return key
    return f"{base_key(key)}_{latest.rsplit('_', 1)[1]}"


def _role_in_working(text: str, value: ValueSpan, cues: Sequence[tuple[Topic, int]]) -> Role | None:
    """The figure's place in a sum worked out, for a sum of money only: an amount, or a
    bare number a word of money names ("ยอดรวมใหม่ 4 วัน 1,800 + …")."""
    if value.kind is not Kind.AMOUNT and not (
        value.kind is Kind.NUMBER
        and any(topic.key_for(value.kind) in _AMOUNT_KEYS for topic, _ in cues)
    ):
        return None
    return role_in_working(text, value.start, value.end)


def _same_party(value: ValueSpan, current: str | None) -> bool:
    """«چهار نفر» after «سه بزرگسال و یک کودک»: the same party counted as a whole."""
    size = party_size(value.text)
    return size is not None and current is not None and party_size(current) == size


def _separate_sum(text: str, value: ValueSpan, current: str | None) -> bool:
    """Whether a sum is another one than the key's current, by the word of its sentence:
    «مبلغش ۸۵ هزار تومانه که جدا … برگشت داده میشه» (the insurance's 85 thousand goes back
    separately) is not the ticket's refund corrected."""
    if value.kind is not Kind.AMOUNT or current is None or restates(value.text, current):
        return False
    return SEPARATELY.search(_sentence_of(text, value)) is not None


#: Keys of a part of a sum paid ahead of the rest: a total never corrects one.
_PART_PAID = frozenset({"deposit"})
#: Topics that say only that an amount is a sum ("total", «مبلغ», "ยอด"), not of what.
_GENERIC_AMOUNTS = frozenset({"total", "amount", "fee"})
#: Sums taken off, paid ahead or set as a floor: a change of one names it, so a sum said
#: with no name ("with Economy it comes to 1,380") is never one of them put right.
_NAMED_WHEN_CHANGED = frozenset({"discount", "deposit", "minimum_spend"})
#: Topics of what a whole order comes to: no rate per day is one.
_SUMS_AS_A_WHOLE = frozenset({"total", "amount"})


@dataclass(frozen=True)
class _Known:
    key: str
    value: str


class _Facts:
    """Facts of one batch as they are found, and what the session knew before it."""

    def __init__(self, known: Sequence[tuple[str, str]], named_earlier: Sequence[str] = ()) -> None:
        self.known = [_Known(key, value) for key, value in known]
        #: Names said before the messages read (options the assistant offered, values held
        #: earlier): ``named_before`` reaches past the context.
        self.named_earlier = tuple(named_earlier)
        self.latest: dict[str, ExtractedFact] = {}
        #: Every change of a value, in order: a total and its correction in one batch
        #: both reach the history.
        self.changes: list[ExtractedFact] = []
        #: What the message being read has said so far: stated after every fact before it
        #: (set only on the view ``reading`` returns).
        self.saying: Sequence[FactMatch] = ()
        #: The digits of every sum or measure said so far, in an earlier message or a
        #: value known: a bare number repeating one ("any wiggle room on the 142?" after
        #: "£142 per room") is that sum, not an id nor a count.
        self.measured: set[str] = set()
        #: What each measure said so far is the size of, by the thing its sentence named
        #: ("We fit batteries in 5.2 kWh and 10.4 kWh"): "lets say 5.2 kWh" picks one.
        self.things_measured: dict[str, str] = {}
        #: The ids of the batch's messages read so far, in order: how long ago a value was said.
        self.read_ids: list[str] = []
        #: What the assistant said so far, before the batch or in it: the options it named.
        self.offered: list[str] = []
        for _, value in known:
            self.note_measures(value)

    def note_measures(self, text: str) -> None:
        self.measured |= _measures_in(text)
        self.things_measured.update(things_measured(text, _nearest_cues))

    def note_read(self, role: str, text: str) -> None:
        """What a message read leaves for the ones after it: the measures it says, and
        the options the assistant named in it (``named_before``)."""
        self.note_measures(text)
        if role == "assistant":
            self.offered.append(text)

    def reading(self, saying: Sequence[FactMatch]) -> _Facts:
        """These facts while a message is read: ``saying``, what it has said so far (filled
        as it is read), counts as the most recent. Every other state is shared with ``self``;
        the view is dropped with the message, so nothing of it outlives the reading."""
        view = copy.copy(self)
        view.saying = saying
        return view

    def add(self, key: str, value: str, source: str) -> None:
        if key.endswith("_time"):
            # "Tuesday 3 December, 9-12" as the date, then "make it 1-5pm": the date's
            # own words must not keep showing the old time.
            date_key = key.removesuffix("_time") + "_date"
            date, time = self.current(date_key), self.current(key)
            if date and time and time in date and not restates(value, time):
                self._set(date_key, date.replace(time, value), source)
        self._set(key, value, source)

    def _set(self, key: str, value: str, source: str) -> None:
        current = self.current(key)
        if current is not None and restates(value, current):
            return
        fact = ExtractedFact(key, value, source)
        if (
            self.changes
            and self.changes[-1].key == key
            and self.changes[-1].source_message_id == source
        ):
            self.changes[-1] = fact  # one message states one value per key: its last
        else:
            self.changes.append(fact)
        self.latest.pop(key, None)  # re-insert so order follows the latest mention
        self.latest[key] = fact

    def drop_copies_of(self, key: str) -> None:
        """Drop the ``key_2``, ``key_3`` … this batch keyed whose value is now ``key``'s
        own (an offer taken: "L-087" held, no longer a second one beside it)."""
        held = self.current(key)
        if held is None:
            return
        copies = {
            variant
            for variant, fact in self.latest.items()
            if variant != key and base_key(variant) == key and restates(fact.value, held)
        }
        if not copies:
            return
        self.changes[:] = [fact for fact in self.changes if fact.key not in copies]
        for variant in copies:
            self.latest.pop(variant)

    def keys(self) -> frozenset[str]:
        return frozenset(self.latest) | {item.key for item in self.known}

    def held_before(self, message_id: str) -> dict[str, str]:
        """The current values no message ``message_id`` said: what was held before it."""
        return {
            key: value
            for key, value in self.current_values().items()
            if key not in self.latest or self.latest[key].source_message_id != message_id
        }

    def said_in(self, message_id: str) -> dict[str, str]:
        """The current values message ``message_id`` said, by key."""
        return {
            key: fact.value
            for key, fact in self.latest.items()
            if fact.source_message_id == message_id
        }

    def current_values(self) -> dict[str, str]:
        """Every key's current value."""
        return {key: value for key in self.keys() if (value := self.current(key)) is not None}

    def current(self, key: str) -> str | None:
        if key in self.latest:
            return self.latest[key].value
        return next((item.value for item in self.known if item.key == key), None)

    def entity_key(self, key: str, value: str, correction: bool) -> str:
        """``key``, or ``key_2``, ``key_3`` … for a second thing of the same sort: a
        different order number given without a word of correction is another order,
        not a corrected one (the chair's order after the desk's)."""
        if key not in ENTITY_KEYS:
            return key
        variants = [key, *(f"{key}_{n}" for n in range(2, 6))]
        taken = {v: self.current(v) for v in variants if self.current(v) is not None}
        for variant, current in taken.items():
            assert current is not None
            if restates(value, current) or restates(current, value):
                return variant
            if key in INSTRUCTION_KEYS and same_instruction(value, current):
                return variant  # the instruction changed, not a second one
        if not taken:
            return key
        for variant, current in taken.items():
            if current is not None and _kind_of(current) in _ID_KINDS and _near(value, current):
                return variant  # an id's typo put right, not a second order
        if correction:
            return next(item.key for item in self.recent() if item.key in taken)
        return next((v for v in variants if v not in taken), key)

    def said_lately(self, key: str) -> bool:
        """Whether ``key``'s value was said in one of the last few messages of the batch."""
        fact = self.latest.get(key)
        lately = self.read_ids[-_LATELY:]
        return fact is not None and fact.source_message_id in lately

    def named_before(self, name: str) -> bool:
        """Whether ``name`` was offered by the assistant or held as a value (now or before)
        earlier in the conversation: an option one can switch or go back to."""
        said = re.compile(rf"(?<![A-Za-z0-9]){re.escape(name)}(?![A-Za-z0-9])", re.IGNORECASE)
        values = [item.value for item in self.known] + [fact.value for fact in self.changes]
        return any(said.search(text) for text in [*self.offered, *values, *self.named_earlier])

    def holds(self, value: str) -> bool:
        """Whether a current fact already says ``value`` (under whatever key)."""
        return any(value in (self.current(key) or "") for key in self.keys())

    def free_variant(self, key: str) -> str:
        """``key_2``, ``key_3`` …: the first that holds nothing yet."""
        base = base_key(key)
        n = 2
        while self.current(f"{base}_{n}") is not None:
            n += 1
        return f"{base}_{n}"

    def noted_key(self, key: str, value: str) -> str:
        """The key of a value noted without a subject: the one that already holds it, or a
        fresh one (``reference``, ``reference_2`` …); never another value's."""
        for variant in (key, *(f"{key}_{n}" for n in range(2, MAX_NOTED + 1))):
            current = self.current(variant)
            if current is None or value in current:
                return variant
        return f"{key}_{MAX_NOTED + 1}"

    def model_key(self, model: str, sentence: str, before: str) -> str:
        """The key of a model the customer names in ``sentence``: the one of a model it
        replaces (of its line, «Click 160» after "Honda Click 125i"; of its brand chosen
        instead, «ขอเปลี่ยนเป็น Honda ADV 160»); else the one that holds it or a fresh one.
        Someone else's model, whose owner is named ``before`` it ("my wife rides a Honda
        PCX160"), replaces none."""
        if someone_elses(before):
            return self.noted_key(PRODUCT_MODEL, model)
        return self._model_key_of(model, lambda held: replaces_model(model, held, sentence))

    def model_named_instead(self, model: str, sentence: str) -> str:
        """The key of a model the assistant names: the one of the model ``sentence`` says
        it is instead of ("a Fox ESS H1-5.0-E instead of the SolarEdge"); else the one that
        holds it or a fresh one."""
        return self._model_key_of(model, lambda held: named_instead_of(model, held, sentence))

    def _model_key_of(self, model: str, replaces: Callable[[str], bool]) -> str:
        """The key of the most recent model ``model`` ``replaces``; else the one that holds
        it or a fresh one."""
        for item in self.recent():
            if base_key(item.key) == PRODUCT_MODEL and replaces(item.value):
                return item.key
        return self.noted_key(PRODUCT_MODEL, model)

    def recent_values(self) -> list[tuple[str, str]]:
        """(key, value) of the current values, the most recently stated first (``recent``)."""
        return [(item.key, item.value) for item in self.recent()]

    def charge_key(self, value: str, added: bool = False) -> str:
        """The key of an amount named by its charge: the one holding that charge, or a
        fresh one (``charge``, ``charge_2`` …); a charge ``added`` ("also …") holds only
        its own whole name."""
        for variant in (CHARGE, *(f"{CHARGE}_{n}" for n in range(2, MAX_NOTED + 1))):
            current = self.current(variant)
            if current is None or same_charge(value, current, added):
                return variant
        return f"{CHARGE}_{MAX_NOTED + 1}"

    def _fuller(self, key: str, value: str) -> str:
        """``value`` as ``key`` already holds it when it only says it again ("65" of
        "65 บาท"): the held value keeps its unit."""
        held = self.current(key)
        return held if held is not None and restates(value, held) else value

    def recent(self) -> list[_Known]:
        """Current values, the most recently stated first: those the message being read
        has said so far ("I can't make Thursday … any chance of Friday 7 March?": Friday
        replaces Thursday's subject, not an older date's) before the batch's and the
        session's."""
        saying = [
            _Known(m.key, self._fuller(m.key, m.value))
            for m in reversed(self.saying)
            if m.key != REPLACED
        ]
        batch = [_Known(f.key, f.value) for f in reversed(self.latest.values())]
        stated = saying + batch
        seen: set[str] = set()
        ordered = []
        for item in stated:
            if item.key not in seen:
                seen.add(item.key)
                ordered.append(item)
        return ordered + [item for item in self.known if item.key not in seen]


@functools.lru_cache(maxsize=512)
def _measures_in(text: str) -> frozenset[str]:
    """The digits of every sum or measure ``text`` says. A message is read as a line of
    its batch and again as context of the next ones, a known value in every batch after:
    its values are found once."""
    return frozenset(
        digits
        for span in find_values(text)
        if span.kind in _SAID_WITH_UNIT and len(digits := digits_of(span.text)) >= _MIN_ID_DIGITS
    )


def extract_facts(
    lines: Sequence[TranscriptLine],
    known: Sequence[tuple[str, str]],
    context: Sequence[TranscriptLine] = (),
    named_earlier: Sequence[str] = (),
) -> list[ExtractedFact]:
    """Every value stated or changed, in the order stated: a key appears again when its
    value changed within the batch (the last is current, the earlier go to history).

    ``known`` is the session's current (key, value) list, most recently updated first;
    ``context`` the messages just before ``lines`` (read for the questions they ask,
    never for facts); ``named_earlier`` the names said before ``context`` (the options the
    assistant offered, the values held before): an option switched to by its name alone.
    """
    spellings = known_spellings(key for key, _ in known)
    held = [(canonical_key(key), value) for key, value in known]
    facts = _Facts(held, named_earlier)
    conversation = Conversation()
    # The messages before the batch are read again for what they asked, and for a name
    # given there: it answered the question for a name, which stays closed here.
    read_before = _Facts(held, named_earlier)
    for line in sorted(context, key=lambda line: line.position):
        asked = conversation.asked_of(line.role)
        matches = _facts_in(line.role, line.content, tuple(asked), read_before, set())
        facts.note_read(line.role, line.content)
        named = any(_names_someone(m.key) for m in matches)
        conversation.after(
            line.role,
            line.content,
            {"name"} if named else set(),
            read_before.current("customer_name"),
        )
    named_old: list[ExtractedFact] = []
    moved_from: list[ExtractedFact] = []  # old values a message moved (``moved_values``)
    read = sorted(context, key=lambda line: line.position)
    previous = read[-1] if read else None
    earlier = read[-2] if len(read) > 1 else None
    for line in sorted(lines, key=lambda line: line.position):
        asked = conversation.asked_of(line.role)
        answered: set[str] = set()
        declines = conversation.declines(line.role, line.content)
        asks_new = conversation.asks_new_of(line.role, line.content)
        # «یعنی ۱۵ آبان؟» «نه. ۱۶ آبان»: a no to a read-back is read as a correction's no,
        # the value after it in the place of the one read back. Only a customer's line is
        # read so: the values held before the message it answers, built for those alone.
        previous_id = previous.message_id if previous is not None else ""
        held_asked = facts.held_before(previous_id) if line.role == "user" else {}
        reply = reply_read(line, previous, earlier, list(held_asked.values()))
        matches = _facts_in(
            line.role,
            reply.text,
            tuple(asked),
            facts,
            answered,
            declines,
            asks_new,
            conversation.said_before(line.role),
        )
        matches = reply.own(matches)
        if reply.read_back:  # the value given goes under the key of the one read back
            keyed = facts.said_in(previous_id)
            matches = read_back_put_right(
                line.content, reply.read_back, (keyed, held_asked), matches
            )
        matches = _put_right_after_doubt(line, previous, matches, facts)
        matches = _phone_read_back_after_correction(line, previous, earlier, matches, facts)
        matches = moved_values(line.content, matches, facts.current, facts.current_values())
        # "send it to my work instead?" "what's the work address?" "Unit 4, …": delivery
        delivering = facts.current("delivery_address") is not None
        matches = redirected_delivery(line, previous, earlier, matches, delivering)
        matches = redirected_in_request(line, matches, delivering)
        # "the invoice address?" "Unit 4, …, BS4 3EH"; "invoices go to our new office now. …"
        matches = billed_to(line, previous, matches)
        # "ring you on 07700 900123?" "no, my work line: 020 7946 0018": that number, changed
        matches = quoted_phone_replaced(line, previous, earlier, matches, facts.current_values())
        held_before = facts.current_values()
        granted = _granted_in_reply(line, previous, facts)
        if granted is not None and previous is not None:
            facts.add(*granted, previous.message_id)
        taken = _offer_taken_in_reply(line, previous, facts)
        if taken is not None:
            facts.add(*taken, line.message_id)
            facts.drop_copies_of(taken[0])
        taken = _quoted_price_taken(line, previous, facts)
        if taken is not None:  # «ราคา 15,900 ต่างจากเดิม 3,000» «เปลี่ยนเป็น 6 ฟุตเลย»
            facts.add(*taken, line.message_id)
        size = _size_taken(line, previous, matches)
        if size is not None and previous is not None:
            facts.add("guest_count", size, previous.message_id)
        for match in matches:
            if match.key == REPLACED:
                named_old.append(ExtractedFact("", match.value, line.message_id, replaced=True))
            elif match.key.startswith(MOVED_FROM):
                key = match.key.removeprefix(MOVED_FROM)
                moved_from.append(ExtractedFact(key, match.value, line.message_id))
            else:
                facts.add(match.key, match.value, line.message_id)
        for key, value in _replacing_named_old(matches, facts):
            facts.add(key, value, line.message_id)
        for key, value in _noted_copies_put_right(held_before, facts):
            facts.add(key, value, line.message_id)
        for key, value in addresses_put_right(
            held_before,
            facts.current_values(),
            _near,
            line.content,
            conversation.said_before(line.role),
        ):
            facts.add(key, value, line.message_id)
        home = _home_read_out(line, previous)
        if home is not None:
            facts.add("home_address", home, line.message_id)
        relative = _relative_named(line, previous, facts)
        if relative is not None:
            facts.add(*relative, line.message_id)
        card = _card_named_in_reply(line, previous, matches)
        if card is not None:
            facts.add("payment_card", card, line.message_id)
        for company in company_names(line, previous):
            # a restaurant and the company that owns it: each kept, neither replaced
            facts.add(facts.noted_key(COMPANY_NAME, company), company, line.message_id)
        if relative is not None or any(_names_someone(m.key) for m in matches):
            # a name given, the customer's or anyone's ("คุณแม่ชื่ออะไร" "ดิฉันชื่อ…"),
            # answers the question for a name: the next reply ("โอเคครับ") is no name
            answered.add("name")
        conversation.after(line.role, line.content, answered, facts.current("customer_name"))
        facts.note_read(line.role, line.content)
        facts.read_ids.append(line.message_id)
        earlier, previous = previous, line
    return [
        ExtractedFact(spellings.get(fact.key, fact.key), fact.value, fact.source_message_id)
        for fact in with_moved_from(facts.changes, moved_from)
    ] + named_old


def _noted_copies_put_right(held_before: dict[str, str], facts: _Facts) -> list[tuple[str, str]]:
    """(key, value) for each noted value (``reference_2``: "finance have given me the PO,
    it's PO-558213") that holds an id, email or phone just put right under another key
    ("the correct one is PO-558231" → ``booking_reference``): the same code, corrected
    there too, so the old one never stays current beside its correction. A note whose own
    code was put right keeps its lead-in around the new code."""
    noted = set(NOTED_KINDS.values())
    put_right = {
        old: new
        for key, old in held_before.items()
        if (new := facts.current(key)) is not None
        and new != old
        and _kind_of(old) in _TYPO_KINDS
        and _kind_of(new) is _kind_of(old)
    }
    copies = []
    for key, current in facts.current_values().items():
        if base_key(key) not in noted:
            continue
        code = _noted_code(key, held_before.get(key, ""))
        if code is not None and current != held_before[key] and _near(current, code.text):
            # the note's own code put right: its lead-in ("Tom Ellery, agreement is") stays
            copies.append((key, held_before[key].replace(code.text, current)))
            continue
        for old, new in put_right.items():
            if re.search(rf"(?<![\w-]){re.escape(old)}(?![\w-])", current) and new not in current:
                copies.append((key, current.replace(old, new)))
                break
    return copies


def _put_right_after_doubt(
    line: TranscriptLine,
    previous: TranscriptLine | None,
    matches: list[FactMatch],
    facts: _Facts,
) -> list[FactMatch]:
    """A customer's reply to the assistant's "I can't find …, could you double check
    it?": its first value of the doubted value's shape goes under the doubted key,
    whatever key its own words gave it when the doubt quotes the value; a doubt that
    quotes none takes only a value the reply's words left without a key ("a $40
    deposit" stays the deposit)."""
    if line.role != "user" or previous is None or previous.role == "user":
        return matches
    if not doubts(previous.content):
        return matches
    recent = [(item.key, item.value) for item in facts.recent()]
    for value in find_values(line.content):
        key = corrected_key(previous.content, value, recent)
        if key is None:
            continue
        keyed = any(m.start < value.end and value.start < m.end for m in matches)
        if keyed and not quotes(previous.content, dict(recent)[key]):
            continue
        kept = [m for m in matches if m.end <= value.start or m.start >= value.end]
        return sorted(
            [*kept, FactMatch(key, value.text, value.start, value.end)], key=lambda m: m.start
        )
    return matches


#: A run of digits in a message, Persian or ASCII; a correction's ending has two at least.
_DIGIT_RUN = re.compile(r"\d+")
_MIN_ENDING = 2


def _phone_read_back_after_correction(
    line: TranscriptLine,
    previous: TranscriptLine | None,
    earlier: TranscriptLine | None,
    matches: list[FactMatch],
    facts: _Facts,
) -> list[FactMatch]:
    """The assistant asking back a whole phone right after the customer put a number
    right by its last digits («شمارمو اشتباه زدم، آخرش ۲۲۱۷ه نه ۲۲۷۱» → «یعنی
    ۰۹۱۸۳۴۵۲۲۱۷ درسته؟»): the phone it reads back is the held phone as near as a typo,
    corrected (``_id_put_right``), not another number noted with the words before it. Only
    a phone no word of the question keys, only after a message that says a correction, and
    only one ending with digits that correction gave: "Is 0912… still your number?" asked
    out of the blue, or after «آدرس رو اشتباه دادم», changes nothing."""
    if line.role != "assistant" or not is_question(line.content):
        return matches
    if previous is None or previous.role != "user":
        return matches
    # the customer's correction may take two messages: «شمارمو اشتباه زدم» «آخرش ۲۲۱۷ه»
    told = [previous] + ([earlier] if earlier is not None and earlier.role == "user" else [])
    if not any(is_correction(message.content) for message in told):
        return matches
    # the digits the correction gave, which the phone read back must end with
    endings = {
        ending
        for message in told
        for run in _DIGIT_RUN.findall(message.content)
        if len(ending := digits_of(run)) >= _MIN_ENDING
    }
    noted = NOTED_KINDS[Kind.PHONE]
    phones = [v for v in find_values(line.content) if v.kind is Kind.PHONE]
    put_right = []
    for match in matches:
        phone = next((v for v in phones if match.start <= v.start and v.end <= match.end), None)
        ends = phone is not None and any(digits_of(phone.text).endswith(e) for e in endings)
        key = _id_put_right(phone, line.content, facts) if phone and ends else None
        if base_key(match.key) != noted or phone is None or key is None:
            put_right.append(match)
            continue
        put_right.append(FactMatch(key, phone.text, phone.start, phone.end))
    return put_right


def _home_read_out(line: TranscriptLine, previous: TranscriptLine | None) -> str | None:
    """The one address the assistant just read out, when the customer calls it home
    ("I have 2218 SE Alder St." "that's my house, but … can it go to a locker?"): it
    stays their home address whatever the delivery goes to next."""
    if line.role != "user" or previous is None or previous.role == "user":
        return None
    if not calls_it_home(line.content):
        return None
    addresses = [v.text for v in find_values(previous.content) if v.kind is Kind.ADDRESS]
    return addresses[0] if len(addresses) == 1 else None


def _granted_in_reply(
    line: TranscriptLine, previous: TranscriptLine | None, facts: _Facts
) -> tuple[str, str] | None:
    """(key, value) of the day or hour the customer asked for as a question ("could it
    be Sunday 15 June?") that this reply grants: the held one of its kind it replaces,
    or, with several held, the one either message names; none when it is not said which."""
    if previous is None or previous.role != "user" or line.role != "assistant":
        return None
    value = asked_and_granted(previous.content, line.content)
    if value is None or facts.holds(value.text):
        return None
    if any(
        change.source_message_id == previous.message_id and _kind_of(change.value) is value.kind
        for change in facts.changes
    ):
        return None  # "can you change the pickup time from 10am to 2pm?": keyed as it was read
    key = _similar_known(value, facts, True)
    if key is None or base_key(key) in _DATES_ON_RECORD:
        return None
    slot = _slot_named(value, f"{previous.content}\n{line.content}", (), facts)
    if slot is None:
        return None
    key = slot or key
    held = facts.current(key) or ""
    if _vaguer_date(value, key, (False, False), facts, previous.content) or digits_of(
        value.text
    ) == digits_of(held):
        return None  # "and the return would stay on the 25th?" "Yes": the same day, kept
    return (key, value.text)


def _offer_taken_in_reply(
    line: TranscriptLine, previous: TranscriptLine | None, facts: _Facts
) -> tuple[str, str] | None:
    """(key, value) of the change the assistant offered that this reply takes ("I can move
    you to another one instead? L-087 is free" "yeah go on", ``offers_taken``), when the
    value was kept beside the held one, as a second of its kind (``reference_2`` beside
    ``reference``): it takes the held one's place, which goes to history."""
    if line.role != "user" or previous is None or previous.role != "assistant":
        return None
    if not takes_offer(line.content):
        return None
    value = offered_change(previous.content)
    if value is None:
        return None
    for key, held in facts.current_values().items():
        base = base_key(key)
        if base == key or not restates(value.text, held):
            continue
        current = facts.current(base)
        if current is not None and not restates(value.text, current):
            return base, value.text
    return None


def _size_taken(
    line: TranscriptLine, previous: TranscriptLine | None, matches: Sequence[FactMatch]
) -> str | None:
    """The head count the assistant offered ("Would a table for 4 work?") that the
    customer's reply takes ("Yes, perfect"), unless the reply sets one itself."""
    if line.role != "user" or previous is None or previous.role == "user":
        return None
    if any(m.key == "guest_count" for m in matches):
        return None
    return offered_size_taken(previous.content, line.content)


def _quoted_price_taken(
    line: TranscriptLine, previous: TranscriptLine | None, facts: _Facts
) -> tuple[str, str] | None:
    """(key, value) of the held price a customer's switch replaces with the price the
    assistant just quoted with its difference from it (``quoted_price_taken``)."""
    if line.role != "user" or previous is None or previous.role == "user":
        return None
    return quoted_price_taken(line.content, previous.content, facts.recent_values())


def _card_named_in_reply(
    line: TranscriptLine, previous: TranscriptLine | None, matches: Sequence[FactMatch]
) -> str | None:
    """The card a customer names in reply to a question about the card («ชำระด้วยบัตรไหนคะ»
    «บัตร KTC ค่ะ»), where the reply alone says nothing of paying with it."""
    if line.role != "user" or previous is None or previous.role == "user":
        return None
    if any(m.key == "payment_card" for m in matches):
        return None
    return card_replied(previous.content, line.content)


def _relative_named(
    line: TranscriptLine, previous: TranscriptLine | None, facts: _Facts
) -> tuple[str, str] | None:
    """(key, name) of a reply that is only a full name, right after the assistant brought
    up the customer's partner, sister, colleague … ("I can add your partner as an
    authorized person." "sure, Sam Reyes"): that person's name, not the customer's."""
    if line.role != "user" or previous is None or previous.role == "user":
        return None
    key = relation_asked(previous.content)
    name = name_replied(line.content) if key is not None else None
    if key is None or name is None or is_customers_given_name(name, facts.current("customer_name")):
        return None
    if facts.holds(name):
        return None  # read already ("your partner's name?" answered)
    return key, name


def _replacing_named_old(matches: Sequence[FactMatch], facts: _Facts) -> list[tuple[str, str]]:
    """(key, value) for each fact whose current value the message names as the old one
    ("so instead of refunding £60.00, we'll … refund £24.00"): the message's nearest new
    value of the same kind replaces it there too, so the old value never stays current
    under a key the message did not name (the "£60.00 difference" of the desk swap)."""
    said = [m for m in matches if m.key != REPLACED]
    replacing = []
    for old in (m for m in matches if m.key == REPLACED):
        kind = _kind_of(old.value)
        held = [
            key
            for key in sorted(facts.keys())
            if (current := facts.current(key)) is not None
            and restates(current, old.value)
            and restates(old.value, current)
        ]
        candidates = [m for m in said if _kind_of(m.value) is kind and m.value != old.value]
        if kind is None or not held or not candidates:
            continue
        new = min(candidates, key=lambda m: abs(m.start - old.start))
        replacing += [(key, new.value) for key in held if key != new.key]
    return replacing


#: A Persian copula right after a name («اسم خانمم حمیده است»): its «ه» is the name's own,
#: no spoken "is" ("it's Hamid").
_FA_COPULA_AFTER = re.compile(r"\s*(?:است|هست)(?![\u0600-\u06ff])")
#: A Thai reply that opens with "it's me" («ผมเองครับ», «ดิฉันเองค่ะ», «เป็นตัวเองค่ะ»): the
#: someone else asked for is the customer, whose own phone it gives.
_SAYS_MYSELF = re.compile(r"^\s*(?:(?:เป็น|ก็)\s?)?(?:(?:ผม|ดิฉัน|ฉัน|หนู|เรา|กระผม|พี่)\s?เอง|ตัวเอง)")


def _facts_in(
    role: str,
    text: str,
    asked: tuple[Topic, ...],
    facts: _Facts,
    answered: set[str],
    declines: bool = False,
    asks_new: bool = False,
    question: str = "",
) -> list[FactMatch]:
    """``asks_new``: the question answered asked for a new value in place of the held one
    ("what's the new number?"), so a value answering it updates, as "now" would; but a
    new order's or ticket's number is another record's ("Can I have the new order
    number?" after a second order), not the first one's corrected."""
    from_user = role == "user"
    if from_user and _SAYS_MYSELF.match(text):  # «ขอคนติดต่อหน้างาน» «ผมเองครับ 081-…»
        asked = tuple(topic for topic in asked if topic.name != "second_contact")
    if from_user and _thai_reply_names_the_customer(text, facts.current("customer_name")):
        # «ขอชื่อ-นามสกุลคุณนิตยา» asks the customer's full name when she is that Nittaya
        asked = tuple(topic for topic in asked if topic.name != "third_person_name")
    claimed = ClaimedSpans()
    found: list[FactMatch] = []
    facts = facts.reading(found)  # what this message says counts as the most recent
    correction, update = is_correction(text), is_update(text)
    # A person in a role is that role's before a name read alone takes the words after it
    # («خانم نوروزی جاشون …»: who stands in, not a «نوروزی جاشون»).
    for assigned in holders_named(
        text, facts.current, from_user, correction or update, facts.keys()
    ):
        if claimed.is_free(assigned.start, assigned.end):
            found.append(FactMatch(assigned.key, assigned.name, assigned.start, assigned.end))
            claimed.claim(assigned.start, assigned.end)
    found.extend(contact_names(text, claimed))  # «ชื่อผู้ติดต่อคือ …»: no name in passing
    # «ชื่อสำรองเป็น "…"»: the quoted name, before «ชื่อ…» is read as a person's
    found.extend(quoted_names(text, claimed, facts.current, from_user))
    # Before the customer's own statements: "แฟนผมชื่อนุ่น" holds "ผมชื่อ" (my name is).
    for person in people_named(text):
        if claimed.is_free(person.start, person.end) and not is_customers_given_name(
            person.name,
            facts.current("customer_name"),
            spoken_he=_FA_COPULA_AFTER.match(text, person.end) is None,
        ):
            key = facts.entity_key(person.key, person.name, correction)
            found.append(FactMatch(key, person.name, person.start, person.end))
            claimed.claim(person.start, person.end)
    if from_user:
        found.extend(stated_facts(text, claimed, facts.keys()))
    if from_user:  # not a name already read as someone's («เด็กชายภูมิ …»: the child's)
        found.extend(names_in_passing(text, claimed, facts.current("customer_name")))
        replies = _thai_name_reply(text, asked, facts)
        found.extend(r for r in replies if claimed.is_free(r.start, r.end))
    told = list(instructions(text)) if from_user else []
    found.extend(
        FactMatch(
            facts.entity_key(i.key, i.text, update or asks_new or _takes_back(facts, i)),
            i.text,
            i.start,
            i.end,
        )
        for i in told
    )
    # «قبل از ساعت ۱۰ صبح زنگ نزنید»: the hour belongs to the instruction, not to a visit
    when_to_call = [(i.start, i.end) for i in told if i.key == "contact_preference"]
    for thing in things_named(text):
        if claimed.is_free(thing.start, thing.end):
            key = facts.noted_key(thing.key, thing.text)
            found.append(FactMatch(key, thing.text, thing.start, thing.end))
            claimed.claim(thing.start, thing.end)
    people = {v for k, v in facts.current_values().items() if k.endswith("_name")}
    for choice in named_choices(text):
        chosen = facts.current(choice.key)
        if chosen is not None and same_choice(choice.key, choice.text, chosen):
            claimed.claim(choice.start, choice.end)
        elif choice.text in people:
            continue  # "Megan it is": the person who does it, no option taken
        elif choice.returned and not facts.named_before(choice.text):
            continue  # "he switched to Revolut", "back to Ireland": no option offered so
        elif claimed.is_free(choice.start, choice.end):
            found.append(FactMatch(choice.key, choice.text, choice.start, choice.end))
            claimed.claim(choice.start, choice.end)
    if not from_user:
        found.extend(FactMatch(i.key, i.text, i.start, i.end) for i in preparations(text))
    found.extend(named_things(text, claimed, facts.named_before))
    found.extend(party_sizes(text, claimed, from_user))
    if from_user:  # «มีไลน์ไอดีไหมคะ» «nok_99 ค่ะ»
        found.extend(line_id_replied(question, text, claimed))
    found.extend(line_ids(text, claimed, from_user))
    held = facts.current_values()
    for ticket in ticket_names(text, held):
        if claimed.is_free(ticket.start, ticket.end):
            key = passenger_key(ticket.name, held)
            held[key] = ticket.name  # the next name of this message is another passenger
            found.append(FactMatch(key, ticket.name, ticket.start, ticket.end))
            claimed.claim(ticket.start, ticket.end)
    for holder in names_on_record(text):
        if claimed.is_free(holder.start, holder.end):
            key = holder_key(holder.name, facts.current("customer_name"))
            found.append(FactMatch(key, holder.name, holder.start, holder.end))
            claimed.claim(holder.start, holder.end)
    bound: set[tuple[str, Kind]] = set()
    code = _code_answer(text, asked, bound)
    if code is not None:
        found.append(code)
        claimed.claim(code.start, code.end)
    for grouped in _grouped_codes(text, claimed):
        renewed = _renewed_id(text, grouped)
        key = facts.entity_key(grouped.key, grouped.value, correction or renewed)
        found.append(dataclasses.replace(grouped, key=key))
        claimed.claim(grouped.start, grouped.end)
    for code in _codes_put_right(text, claimed, facts):
        found.append(code)
        claimed.claim(code.start, code.end)
    values = [v for v in find_values(text, claimed) if not _is_choice(text, v, from_user)]
    asked_names = [t.name for t in asked]
    found.extend(
        old for old in _named_old(text, values) if not start_given(text, old.start, asked_names)
    )
    used: set[tuple[int, Kind]] = set()
    # «ขอเปลี่ยนเป็นชุดมหาบุญ» «ชุดมหาบุญ โต๊ะละ 2,000 บาท»: the held price per table, changed
    switched = None if from_user else switched_price(text, values, question, facts.recent_values())
    for index, value in enumerate(values):
        if _loose_date_in_question(text, value) or _said_exactly_next(
            text, value, values[index + 1 :]
        ):
            continue
        if value.kind is Kind.TIME and any(a <= value.start < b for a, b in when_to_call):
            continue
        changes = (correction, update or (asks_new and value.kind not in _RECORD_KINDS))
        keys = _keys_for(
            value, text, from_user, asked, bound, changes, facts, used, declines, question
        )
        if (
            switched is not None
            and value == switched[0]
            # «اجاره هر روز ۸۰۰ هزار»: the rent, held as a charge by its name, is the price
            and all(base_key(key) in OPTION_PRICES or base_key(key) == CHARGE for key, _ in keys)
        ):
            keys = [(key, switched[2]) for key in switched[1]]
        if keys and limits_a_meal(text, value):  # "no food after 10pm": no appointment's
            keys = [(key, at) for key, at in keys if base_key(key) not in VISIT_TIMES]
        for key, start in keys:
            if _vaguer_date(value, key, changes, facts, text) or _same_party(
                value, facts.current(key)
            ):
                continue
            if _repeats_a_measure(value, key, text, asked, facts) or _flat_of_held_address(
                value, key, facts
            ):
                continue
            if _restates_a_held_sum(value, key, text, facts):
                continue
            key = _of_the_order_named(key, text, value, facts)
            if not moved_to(text) and part_of_fuller_address(value, facts.current(key)):
                # «خانم نوروزی، واحد ۳» after the whole address: a neighbour's flat, kept
                # under a key of its own, not the address («الان واحد ۱۴ هستیم» moves it)
                key = facts.noted_key(ADDRESS_PART, value.text)
            known_value = facts.current(key)
            if (not correction and _another_id(value, known_value)) or _separate_sum(
                text, value, known_value
            ):
                key = facts.free_variant(key)
            end = value.end
            if base_key(key) == CHARGE:  # "a $500 collision deductible": its name after it
                end = max(end, (charge_span(text, value.start, value.end) or (start, end))[1])
            if end == value.end and value.kind is Kind.AMOUNT:
                rate = RATE_AFTER.match(text, value.end)
                end = rate.end() if rate else end  # "$40 per day", "£129/month" are not $40, £129
            if from_user and base_key(key) == PRODUCT_MODEL:
                start = brand_start(text, value, start)
            if from_user and value.kind is Kind.ADDRESS:
                start = _town_start(text, value, start)
            shown = shown_with_lead(text, start, value)
            place = _place_named_in_reply(text, value, start, asked) if from_user else None
            if place is not None:
                start, shown = place[0], f"{place[1]} {value.text}"
            if (
                base_key(key) == ANSWER
                or (base_key(key) == CHARGE and start == value.start and end == value.end)
            ) and (label := _label_answered(text, value, question)):
                shown = f"{label} {shown}"  # what the question asked it by, before it
            shown += text[value.end : end]
            found.append(FactMatch(key, shown, start, end))
            if value.time is not None and key.endswith("_date"):
                # The time of day alone too, so that a later "make it 1-5pm" replaces it.
                time = value.time
                time_key = key.removesuffix("_date") + "_time"
                found.append(FactMatch(time_key, time.text, time.start, time.end))
    # in place: ``facts`` reads ``found`` as what this message has said so far
    found[:] = listed_ids(text, values, found, facts.current, ENTITY_KEYS.__contains__, from_user)
    found.extend(_codes(text, claimed, asked, bound))
    found.extend(_changed_to(text, facts, found))
    if from_user:  # a customer's reply is the value; an assistant's says more than that
        name = facts.current("customer_name")
        found.extend(_free_text_answer(text, asked, bound, found, name, question, claimed))
    answered.update(name for name, _ in bound)
    return sorted(map(_name_said_without_copula, found), key=lambda fact: fact.start)


def _name_said_without_copula(fact: FactMatch) -> FactMatch:
    """«اسمش علی شریفیه»: the name «علی شریفی», without the spoken "is"."""
    if not _names_someone(fact.key):
        return fact
    name = without_copula(fact.value)
    return dataclasses.replace(fact, value=name, end=fact.end - len(fact.value) + len(name))


def _changed_to(text: str, facts: _Facts, keyed: Sequence[FactMatch]) -> list[FactMatch]:
    """«เลื่อนสอบเป็น …», «เปลี่ยนสาขาคืนรถเป็น …»: the value keyed by the subject said
    with the change, the topic's key when the subject is a cue for the value's kind
    («เปลี่ยนอีเมลเป็น …»: the email), else the English key of a named Thai subject
    (``change_key``), else no key at all. A value the other
    rules keyed already («แก้ไขราคาเค้กเป็น 950 บาท»: the cake's price) is theirs."""
    found = []
    for change in changes_named(text):
        if any(f.start < change.end and change.start < f.end for f in keyed):
            continue
        kind = _kind_of(change.value)
        keys = [c.topic.key_for(kind) for c in cues_in(change.subject) if kind is not None]
        key = next((k for k in keys if k), None)
        if key is None:
            # «เปลี่ยนนัดเป็น อา. 13 ต.ค. 67 เวลา 14:00 น.»: a date leads, a time follows.
            first = next(iter(find_values(change.value)), None)
            key = change_key(change.subject, kind or (first.kind if first else None))
        if key is None:
            continue
        if (held := facts.current(key)) is not None and restates(change.value, held):
            continue
        found.append(FactMatch(key, change.value, change.start, change.end))
    return found


def _names_someone(key: str) -> bool:
    return base_key(key).endswith("_name")


#: Kinds a sentence with "new" or "now" in it updates ("the new round is Tuesday 19 Nov").
_UPDATED_KINDS = frozenset({Kind.DATE, Kind.TIME, Kind.ADDRESS, Kind.AMOUNT})

#: The key of a value the conversation names as the old one ("instead of $189.00").
REPLACED = "~replaced"
_MIN_OLD_CHARS = 4


def _named_as_old(text: str, value: ValueSpan) -> bool:
    """Whether the message names ``value`` as the old one; "from June 1 to July 31" is a
    span of days, not a change from June 1."""
    return (
        is_negated(text, value.start, value.end)
        and not is_range(value)
        and not still_current(text, value)
        and not start_told(text, value)
    )


def _named_old(text: str, values: Sequence[ValueSpan]) -> list[FactMatch]:
    return [
        FactMatch(REPLACED, value.text, value.start, value.end)
        for value in values
        if _named_as_old(text, value)
        and not starts_span(text, value, values, sentence_bounds(text, value.start, value.end))
        and len(value.text) >= _MIN_OLD_CHARS
        and value.kind is not Kind.NUMBER
    ]


def _held_name_words(facts: _Facts) -> frozenset[str]:
    """The words of the names held: «راکی ۴ سالشه» is the age of the pet named «راکی»."""
    return frozenset(
        word
        for key, value in facts.current_values().items()
        if _names_someone(key)
        for word in value.split()
    )


def _whose_age(key: str, question: str, facts: _Facts) -> str:
    """The held age an age said of no one named puts right: the one the question before
    quotes («۶ سالشون تمومه؟» «۷ سالش تموم شد»: the child who was 6), else the only one
    held; else the age said stands as ``key``. Only an age of someone named here (a child's,
    a pet's) is put right: the customer's own («۳۵ سالمه») is said of themselves."""
    if key != UNNAMED_AGE:
        return key
    held = {k: v for k, v in facts.current_values().items() if is_age_key(base_key(k))}
    quoted = [k for k, v in held.items() if digits_of(v) and digits_of(v) in digits_of(question)]
    if len(quoted) == 1:
        return quoted[0]
    return next(iter(held)) if len(held) == 1 else key


def _keys_for(
    value: ValueSpan,
    text: str,
    from_user: bool,
    asked: Sequence[Topic],
    bound: set[tuple[str, Kind]],
    changes: tuple[bool, bool],
    facts: _Facts,
    used: set[tuple[int, Kind]],
    declines: bool = False,
    question: str = "",
) -> list[tuple[str, int]]:
    """(key, start of the value's text) for each subject ``value`` is about:
    usually one, two for "delivery and assembly on Wednesday", none when it is about
    nothing known."""
    correction, update = changes
    asked_names = [t.name for t in asked]
    if not_standing(text, value) or (
        _named_as_old(text, value) and not start_given(text, value.start, asked_names)
    ):
        return []
    if _named_as_id(text, value, asked):
        value = dataclasses.replace(value, kind=Kind.NUMBER)
    put_right = _id_put_right(value, text, facts) if correction else None
    if put_right is not None:
        return [(put_right, value.start)]
    if not from_user and not correction and _echoed_contact(value, facts):
        return []
    if _number_of_known_measure(value, facts):
        return []
    if value.kind is Kind.NUMBER and _PERCENT.match(text, value.end):
        return []  # "store credit is 15%": a share, no sum nor id
    if value.kind is Kind.NUMBER and year_bought(text, value):
        return []  # «۱۴۰۱ خریدمش», "bought it in 2021": when, not a sum (the detail keeps it)
    if value.kind is Kind.NUMBER and _DEGREES.match(text, value.end):
        return []  # «เหลือ 10 องศา», "down to 10 degrees": the weather, no sum left to pay
    aged = age_key(text, value, _held_name_words(facts))
    if aged is not None:  # «پسرم هشت سالشه، دخترم ۲۳ ماهشه»: each child's age, no duration
        if is_question(_sentence_of(text, value)):
            return []  # «۶ سالشون تمومه؟»: asked, not told
        return [(_whose_age(aged, question, facts), value.start)]
    by_unit = counted(value)
    if by_unit == "guest_count" and counts_workers(text, value):
        return []  # «ช่างจะไป 2 คน»: the technicians sent, no party (a detail keeps it)
    if by_unit == "guest_count" and counts_garments(text, value):
        return []  # "4 adult XS": jerseys of a size, no party
    if by_unit is not None:
        return [(by_unit, value.start)]
    brand = brand_before(text, value, from_user)
    if brand is not None:  # no order number follows a brand name; the model keeps it
        # "…, 88 Deansgate, Manchester M3 2ER": a town and its postcode, no brand and model
        model = text[brand : value.end]
        if town_and_postcode(text, brand, value):
            return [(facts.noted_key("postcode", model), brand)]
        if from_user:
            begin, stop = sentence_bounds(text, brand, value.end)
            return [(facts.model_key(model, text[begin:stop], text[begin:brand]), brand)]
        begin, stop = sentence_bounds(text, brand, value.end)
        return [(facts.model_named_instead(model, text[begin:stop]), brand)]
    kept_as = _kept_as(text, value)
    if kept_as is not None:  # "I've kept (503) 555-0148 as your work number"
        return [(facts.entity_key(kept_as, value.text, update), value.start)]
    stay_end = stay_end_moved(text, value, facts.current)
    if stay_end is not None:  # "arriving wed 15th, leaving fri 17th": the stay, moved
        return [(stay_end, value.start)]
    charge = charge_span(text, value.start, value.end) if value.kind is Kind.AMOUNT else None
    if value.kind is Kind.AMOUNT and charge is None:
        lowered = price_brought_down(
            text[: value.start],
            text[value.end :],
            value.text,
            facts.recent_values(),
        )
        if lowered is not None:  # «แพ็กเกจนี้ลดเหลือ 7,900 บาท»: the price held, now lower
            return [(lowered, value.start)]
    cues = [
        (topic, start)
        for topic, start in _nearest_cues(text, value, used)
        if _fits(topic.key_for(value.kind) or "", value, from_user, text)
        # "ค่าเทอม…เหลือ 115,200 บาท", «جمع هزینه اضافه …»: the charge named, not a total
        and not (charge and topic.name in _GENERIC_AMOUNTS)
    ]
    if cues and value.kind is Kind.AMOUNT and share_of_percent(text, value):
        # "the deposit is 30%, which comes to $6,288": a share, not the total "comes to"
        # names; the part named before it is whose share it is, else no fact holds it
        cues = [c for c in cues if c[0].name not in _SUMS_AS_A_WHOLE] or _part_named_before(
            text, value
        )
        if not cues:
            return []
    if cues and priced_per_period(text, value):
        # «ลดเหลือวันละ 230», "down to £40 a day": a rate, not the total «เหลือ» names
        cues = [c for c in cues if c[0].name not in _SUMS_AS_A_WHOLE]
        if not cues and charge is None:
            return []
    working = _role_in_working(text, value, cues)
    if working is Role.TOTAL:  # "… + ค่าส่ง 80 = 2,120 บาท": the whole, not the shipping
        return [(facts.entity_key("order_total", value.text, update), value.start)]
    if working is not None:
        # "ยอดรวมใหม่ 4 วัน 1,800 + …": a part added, never the total named before it
        cues = [c for c in cues if c[0].name not in _GENERIC_AMOUNTS]
        if not cues and charge is None:
            return []  # a part of the working with no name: the detail keeps it
    cues = [(_refined_by_question(t, asked, is_thai(text)), start) for t, start in cues]
    cues = [(door_code(t, text, start), start) for t, start in cues]
    cues = [(hired_by_the_day(t, text, value), start) for t, start in cues]
    cues = [(arrival_of_someone(t, text, start), start) for t, start in cues]
    named_code = code_of_named_thing(cues, text, value)
    if named_code is not None:  # "my gym locker code is 4471": the locker's, no coupon
        return [(facts.entity_key(named_code, value.text, update), value.start)]
    if value.kind is Kind.AMOUNT and given_back(text, value.end):
        # «جمعاً ۱۵۰ هزار تومان به کیف پولتون برمی‌گرده»: the verb says what the sum is
        named = [c for c in cues if c[0].name not in _GENERIC_AMOUNTS]
        cues = named or [(topic_by_name("refund"), value.start)]
    elif cues and _generic_in_persian(cues, text, value):
        # «پرداخت دوم تا کی بود؟» «تا ۱۵ دی، مبلغ ۶۵۵٬۰۰۰ ریال»: the question says of what
        wanted = [t for t in asked if t.name not in _SUMS_ONLY and t.key_for(value.kind)]
        if wanted and (wanted[0].name, value.kind) not in bound:
            cues = [(wanted[0], value.start)]
    if value.kind is Kind.PHONE and not from_user and agents_own_phone(text, value.start):
        return [(facts.entity_key("agent_phone", value.text, update), value.start)]
    if declines and value.kind is Kind.PHONE and any(t.name == "phone" for t in asked):
        # «شماره تماس همون شماره خودتون بمونه؟» «نه، شماره مامانم رو بذارید: ۰۹۱۲…»
        bound.add(("phone", value.kind))
        return [("customer_phone", value.start)]
    if cues and correction and _generic_in_persian(cues, text, value):
        bare = value.kind is Kind.NUMBER and number_said_as_correction(text, value)
        similar = _similar_known(value, facts, correction, bare)
        totals = [k for t, _ in cues if t.name == "total" and (k := t.key_for(value.kind))]
        if similar is not None and base_key(similar) in _PART_PAID and totals:
            # «مبلغ کل … میشه ۱۰۰ میلیون»: the whole is no corrected deposit
            similar = totals[0]
        if similar is not None:  # «اصلاح می‌کنم … جمعاً ۱۴۲ هزار»: the sum corrected
            return [(similar, value.start)]
    if value.kind is Kind.ADDRESS and _invoices_go_there(text, value, cues):
        # "invoices need to go to our new office, 18 Queen Square": the billing address
        return [(facts.entity_key("billing_address", value.text, update), value.start)]
    if cues and value.kind is Kind.ADDRESS and _delivered_to_place(text, value):
        # "send it to my office instead? 5 King Street": where it goes now, an office or
        # a pickup point, is the delivery address
        cues = [(topic_by_name("delivery"), start) for _, start in cues[:1]]
    respelt = _email_respelt(value, facts)
    if cues and respelt is not None and (correction or update):
        # «เพื่อน… เขาบอกอีเมลจริงคือ supakorn.kw@…»: an email put right is the one it
        # nearly spells, the friend's, whichever email the word "email" names
        return [(respelt, value.start)]
    quoted = _quote_put_right(cues, text, value, correction, facts)
    if quoted is not None:  # «ขอแก้ไขนิดนึงนะคะ … ราคา 520 บาท» after «ชุดละ 450 บาท»
        return [(quoted, value.start)]
    if cues:
        # a question answered in so many words ("check-out can be as late as 14.00") is
        # closed: a later value without a cue does not answer it again
        bound.update((t.name, value.kind) for t, _ in cues if t in asked)
        return [
            (
                _same_card(
                    facts.entity_key(t.key_for(value.kind) or "", value.text, update), value, facts
                ),
                cue_start if t.includes_cue else value.start,
            )
            for t, cue_start in cues
        ]
    if value.kind is Kind.MEASURE and facts.things_measured.get(value.text):
        # "lets say 5.2 kWh" after "We fit batteries in 5.2 kWh, 10.4 kWh …": the battery's
        return [(facts.things_measured[value.text], value.start)]
    if charge is not None and (
        changed := charge_changed(
            text, charge, value.end, asked, question, facts.current, sorted(facts.keys())
        )
    ):  # "Does the assembly fee go down?" "the service charge is now $90": that fee
        return [(changed, charge[0] if base_key(changed) == CHARGE else value.start)]
    if charge is not None:  # named by its charge, whatever question is open
        added = added_charge(text, charge[0], value.start, charge[1])
        return [(facts.charge_key(text[charge[0] : charge[1]], added), charge[0])]
    # "Best number to reach you?" "text my wife instead, 0912…": her number, not yours.
    someone_else = _someone_elses_phone(text, value)
    for topic in asked:
        key = topic.key_for(value.kind)
        if value.kind is Kind.MEASURE and not from_user:
            break  # "what about the battery?" "… 435W (5.22 kWp), the battery": the panels'
        if (
            key is not None
            and (topic.name, value.kind) not in bound
            and _fits(key, value, True, text)
            # "he measured it like 3 times": how often, no answer to the question
            and not counts_times(text, value)
        ):
            if value.kind in _SLOT_KINDS and moves_another_event(text, value.start, [key]):
                # «ประชุมเลื่อนเป็น 28 พ.ย.»: the meeting's new day, no answer on delivery
                return [(facts.noted_key(_SLOT_KINDS[value.kind], value.text), value.start)]
            bound.add((topic.name, value.kind))
            # "text my wife instead": her number, not yours
            if key == "customer_phone" and someone_else is not None:
                key = someone_else
            return [(facts.entity_key(key, value.text, update), value.start)]
    if someone_else is not None:
        return [(facts.entity_key(someone_else, value.text, update), value.start)]
    ends = span_end(text, value.start, facts.saying) if value.kind is Kind.DATE else None
    if ends is not None:  # «เริ่ม 15 พ.ย. 2567 ถึง 14 พ.ย. 2568»: the end, no second start
        return [(ends, value.start)]
    carried = _named_just_before(text, value) or _named_in_sentence_before(text, value)
    if carried is not None:
        return [(facts.entity_key(carried, value.text, update), value.start)]
    begin, stop = sentence_bounds(text, value.start, value.end)
    sentence = text[begin:stop]
    if is_thai(sentence):  # no full stops: only the words near the value
        sentence = near_words(text, value.start, value.end, begin, stop)
    corrects = (correction and _corrected_near(text, begin, stop)) or (
        value.kind in _UPDATED_KINDS
        and (is_update(sentence) or (from_user and asks_to_be(text, value.start)))
    )
    # "I can move all 24 across": a bare number a clause from the word of change is no sum
    bare = value.kind is Kind.NUMBER and number_said_as_correction(text, value)
    if value.kind is Kind.NUMBER and (
        plate := plate_said_again(
            text[: value.start], value.text, sorted(facts.current_values().items())
        )
    ):  # «แก้เป็น บจ 6281»: the held plate «บจ 6218» put right, no sum
        return [(plate, value.start)]
    similar = _known_address(value, facts) or _similar_known(
        value,
        facts,
        corrects,
        bare,
        text,
        # a bare number the correction leads («اشتباه گفتم، درستش ۸۴») may put any right
        unnamed=value.kind in (Kind.AMOUNT, Kind.NUMBER) and not bare,
    )
    said_here = {m.key for m in facts.saying}
    if (
        similar is not None
        and value.kind in _SLOT_KINDS
        and similar not in said_here
        and base_key(similar) not in _SLOT_KINDS.values()
        and moves_another_event(text, value.start, [similar])
    ):  # "I'll move the sign-off to Wednesday": a change of another thing, not the delivery's
        return [(facts.noted_key(_SLOT_KINDS[value.kind], value.text), value.start)]
    if (
        similar is not None
        and value.kind in _SLOT_KINDS
        and similar not in said_here
        and base_key(similar) not in _SLOT_KINDS.values()
        and not is_correction(sentence)
    ):
        slot = _slot_named(value, text, asked, facts)
        if slot is None:  # which of several held dates it moves is not said: kept apart
            return [(facts.noted_key(_SLOT_KINDS[value.kind], value.text), value.start)]
        similar = slot if slot != "" else similar
    if similar is not None:
        return [(similar, value.start)]
    key = _key_by_shape(value, from_user, text)
    if key:
        return [(facts.entity_key(key, value.text, update), value.start)]
    slot = _slot_moved(value, text, from_user, facts)
    if slot is not None:
        return [(slot, value.start)]
    if from_user and _postcode_of_address_asked(value, asked):
        # "what's the address?" "22 Ard na Mara, Salthill, H91 K7P3": the reply is the
        # address, and the postcode its end, no reference of its own
        return []
    if (
        value.kind in NOTED_KINDS
        and not _our_contact(value, from_user, text)
        and not facts.holds(value.text)
    ):
        base = NOTED_KINDS[value.kind]
        code_key = code_named(text, value)
        if code_key is not None:  # "your quote reference is BS-Q-…": the code, keyed by it
            return [(code_key, value.start)]
        same = _noted_of_same_thing(text, value, base, facts) if correction or update else None
        return [(same or facts.noted_key(base, value.text), lead_in(text, value))]
    label = _label_answered(text, value, question)
    if label is not None:  # «ค่าหนังสือเท่าไหร่คะ» «๖๕๐ บาทค่ะ»: the book's fee
        asked_as = f"{label} {value.text}"
        if charge_span(asked_as, len(label) + 1, len(asked_as)) is not None:
            # a charge by its name: held where the charge rule holds it, so «ค่าหนังสือ 700
            # บาท» put right later, or read back, is the same fact, not one beside it
            return [(facts.charge_key(asked_as), value.start)]
        return [(_answer_key(label, facts), value.start)]
    return []


def _part_named_before(text: str, value: ValueSpan) -> list[tuple[Topic, int]]:
    """The last sum named by its own subject (a deposit, a fee; no bare total) before
    ``value`` in its message: "so now the deposit. On the new total it's 30%, …"."""
    named = [
        (cue.topic, cue.start)
        for cue in cues_in(text[: value.start])
        if cue.topic.key_for(Kind.AMOUNT) is not None and cue.topic.name not in _GENERIC_AMOUNTS
    ]
    return named[-1:]


def _postcode_of_address_asked(value: ValueSpan, asked: Sequence[Topic]) -> bool:
    """Whether ``value`` is a postcode in a reply to a question for an address: the end of
    the address the reply gives, no reference of its own."""
    return (
        value.kind is Kind.IDENTIFIER
        and POSTCODE.fullmatch(value.text) is not None
        and any(topic.key_for(Kind.ADDRESS) for topic in asked)
    )


def _label_answered(text: str, value: ValueSpan, question: str) -> str | None:
    """The words the question asked by, when ``value`` leads the reply ``text`` to it."""
    return asked_label(question, value.kind) if leads_reply(text, value) else None


def _answer_key(label: str, facts: _Facts) -> str:
    """The key of an answer to a question that asked by ``label``: the one an earlier answer
    to the same words holds, else a fresh one (``answer``, ``answer_2`` …)."""
    for variant in (ANSWER, *(f"{ANSWER}_{n}" for n in range(2, MAX_NOTED + 1))):
        current = facts.current(variant)
        if current is None or current.startswith(f"{label} "):
            return variant
    return f"{ANSWER}_{MAX_NOTED + 1}"


def _quote_put_right(
    cues: Sequence[tuple[Topic, int]], text: str, value: ValueSpan, correction: bool, facts: _Facts
) -> str | None:
    """The key of the sum a correction's bare "price" puts right: the sum quoted last, under
    whatever key it was named ("Front pads are £45 a set, labour included" … "let me
    correct that: the price is £52"), not the last one held as a price: a fee quoted since
    is what was just said. A total, a deposit or a refund is no quote."""
    if not correction or value.kind is not Kind.AMOUNT:
        return None
    if [topic.name for topic, _ in cues] != ["price"] or not bare_price(
        text, cues[0][1], value.start
    ):
        return None
    if any(_kind_of(said.value) in _SAID_FIRST for said in facts.saying):
        return None  # "sorry, Friday not Thursday; the cable's price is £10": the day put right
    # not a charge («ค่าบริการล้างแอร์ 700 บาท»): its value keeps its name, a bare sum would not
    last = next((item for item in facts.recent() if _kind_of(item.value) is Kind.AMOUNT), None)
    if last is None or base_key(last.key) in _NOT_QUOTES | {CHARGE}:
        return None
    if not facts.said_lately(last.key):
        return None  # a quote of long ago: the price is of what is talked of now
    return last.key


#: How many messages back a quote a correction puts right may have been said.
_LATELY = 3
#: Values a correction said before a price puts right instead of it.
_SAID_FIRST = frozenset({Kind.DATE, Kind.TIME, Kind.AMOUNT})
#: Sums that are no price quoted for a thing: what a correction's "price" never puts right
#: (a price difference is the gap between two prices, «ส่วนต่างราคา 640», not one of them).
_NOT_QUOTES = frozenset(
    {"order_total", "payment_amount", "refund_amount", "balance_due", "discount"}
    | {PRICE_DIFFERENCE}
    | _PART_PAID
)


def _noted_of_same_thing(text: str, value: ValueSpan, base: str, facts: _Facts) -> str | None:
    """In a message of change, the note of this kind whose words name the thing named right
    before ``value`` («ต้องเปลี่ยนกล่องเป็น 45x35x30» after «กล่อง 40x30x25»): it replaces
    that note (``noted_subjects``)."""
    noted = [
        (item.key, item.value)
        for item in facts.recent()
        if base_key(item.key) == base
        and (code := _noted_code(item.key, item.value)) is not None
        and code.kind is value.kind
    ]
    return noted_naming(subject_words(text, value.start), noted)


#: Dates and times, and the neutral key of one whose subject is not said.
_SLOT_KINDS = {Kind.DATE: "other_date", Kind.TIME: "other_time"}
#: Days on record, never moved: when an order was placed, when a card or a warranty expires
#: (a day asked for, «میشه پیک رو بندازید دوشنبه ۱۷ آذر؟», moves the booking, not those).
_DATES_ON_RECORD = frozenset({"order_date", "expiry_date", "warranty_expiry"})


def _slot_named(value: ValueSpan, text: str, asked: Sequence[Topic], facts: _Facts) -> str | None:
    """Which held date or time a cue-less one, with no word of correction in its own
    sentence, puts right (unless the message itself just
    named it: "Friday for the delivery … no, Saturday", or it is itself one kept apart: a
    date put right again stays with the one it corrects). With one subject holding a value
    of its kind, that one ("" : the latest stands); with several (a drop-off and a
    collection time), the one the message or the open question names ("I've moved your
    collection to then"), else none: "Arrived at 1:40 in the end, … fitting them now"
    moves neither the collection nor the drop-off."""
    held = [
        key
        for key in sorted(facts.keys())
        if not key.startswith(tuple(_SLOT_KINDS.values()))
        and base_key(key) not in _DATES_ON_RECORD
        and (current := facts.current(key)) is not None
        and _kind_of(current) is value.kind
    ]
    moved = thing_moved(text)
    if moved is not None and held and another_things(moved, held):
        return None  # "I've had to move your survey … Thursday?": no installation day
    if len({base_key(key) for key in held}) <= 1:
        return ""
    for topic in (*topics_named(text), *asked):
        key = topic.key_for(value.kind)
        if key is not None and key in held:
            return key
    if value.kind is Kind.DATE:  # «۱۲ام امتحان داره … بندازیمش ۱۴ آبان»: the 12th's date
        return held_day_named(text, value, {key: facts.current(key) or "" for key in held})
    return None


#: "… as your work number", "… as the second contact": what a contact is kept as, named
#: right after it.
_AS_WHAT = re.compile(r"\s+as\s+(?:your|the|my|a|an|his|her|their)\s+", re.IGNORECASE)
_AS_REACH = 24


#: Places a delivery may be sent to that name a subject of their own.
_PLACES_SENT_TO = frozenset({"work", "pickup"})


#: Address topics that say only where a place is, not what goes there.
_PLACES_ONLY = frozenset({"work", "pickup", "address", "billing", "moving_to"})


def _invoices_go_there(text: str, value: ValueSpan, cues: Sequence[tuple[Topic, int]]) -> bool:
    """Whether invoices are what goes to the address, no delivery or visit named for it."""
    return all(t.name in _PLACES_ONLY for t, _ in cues) and invoices_sent_to(
        text, (value.start, value.end)
    )


def _delivered_to_place(text: str, value: ValueSpan) -> bool:
    begin, _ = sentence_bounds(text, value.start, value.end)
    before = text[max(0, begin - _CUE_REACH_BEFORE) : value.start]
    named = [c for c in cues_in(text[begin : value.start]) if c.topic.key_for(Kind.ADDRESS)]
    if not named and begin > 0:  # "… to my office instead? 5 King Street"
        named = [c for c in cues_in(before) if c.topic.key_for(Kind.ADDRESS)]
    return bool(named) and named[-1].topic.name in _PLACES_SENT_TO and sends_there(before)


def _kept_as(text: str, value: ValueSpan) -> str | None:
    """The key of a phone or email the message says it is kept as: whose and what it is
    comes after it there, and beats "your" before it."""
    if value.kind not in (Kind.PHONE, Kind.EMAIL):
        return None
    lead = _AS_WHAT.match(text, value.end)
    if lead is None:
        return None
    named = text[lead.end() : lead.end() + _AS_REACH]
    keys = [c.topic.key_for(value.kind) for c in cues_in(named) if c.start == 0]
    return next((key for key in keys if key), None)


#: A general cue and the specific topic an open question names for the same kind: "ending
#: 8052" answering "what does the new card end in?" is the new card's.
_REFINED = {"card": ("new_card",)}
#: A Thai reply says only «เบอร์ 089…» when the question named whose number it wants
#: («ขอชื่อและเบอร์ภรรยาด้วยค่ะ»): the wife's, not the customer's.
_REFINED_IN_THAI = {**_REFINED, "phone": ("recipient", "second_contact")}


def _refined_by_question(cue: Topic, asked: Sequence[Topic], thai: bool) -> Topic:
    specific = (_REFINED_IN_THAI if thai else _REFINED).get(cue.name, ())
    return next((t for t in asked if t.name in specific), cue)


def _same_card(key: str, value: ValueSpan, facts: _Facts) -> str:
    """A card named by its last digits is the new card when the new card has them
    ("card ending 2058 sent" after "the new card will end in 2058")."""
    new_card = facts.current("new_card")
    if key == "payment_card" and new_card and digits_of(new_card) == digits_of(value.text):
        return "new_card"
    return key


def _slot_moved(value: ValueSpan, text: str, from_user: bool, facts: _Facts) -> str | None:
    """The key of the one visit booked with a day and hours, when the assistant puts a
    day with hours, named by no word, in a Persian scheduling sentence: the same visit,
    moved."""
    if from_user or value.kind is not Kind.DATE or value.time is None:
        return None
    sentence = _sentence_of(text, value)
    if not _PERSIAN.search(sentence) or not SCHEDULING.search(sentence):
        return None
    held = facts.keys()
    slots = [
        key
        for key in held
        if key.endswith("_date")
        and (current := facts.current(key)) is not None
        and any(v.time is not None for v in find_values(current))
    ]
    return slots[0] if len(slots) == 1 else None


#: Topics that say only that an amount is a sum ("in all", «مبلغ»): nothing to carry over.
_SUMS_ONLY = frozenset({"total", "amount"})


def _named_just_before(text: str, value: ValueSpan) -> str | None:
    """The key a sum takes from the sentence before it in the same message, when that
    sentence names a charge but states no sum of its own: «جریمه تغییر ۱۰ درصد قیمت
    بلیته. برای دو نفر میشه ۷۸۰ هزار تومان.» (the penalty is 10% of the fare; for two
    that comes to 780 thousand)."""
    if value.kind is not Kind.AMOUNT:
        return None
    begin, _ = sentence_bounds(text, value.start, value.end)
    if any(cue.topic.key_for(value.kind) for cue in cues_in(text[begin : value.start])):
        return None
    previous_begin, _ = sentence_bounds(text, max(0, begin - 2), max(0, begin - 1))
    previous = text[previous_begin:begin]
    if not _PERSIAN.search(previous) or any(v.kind is value.kind for v in find_values(previous)):
        return None
    keys = [
        key
        for cue in cues_in(previous)
        if cue.topic.name not in _SUMS_ONLY and (key := cue.topic.key_for(value.kind))
    ]
    return keys[0] if keys else None


def _named_in_sentence_before(text: str, value: ValueSpan) -> str | None:
    """The key a value takes from the sentence before it, when its own names nothing and
    opens by pointing back or follows a question of the same message ("Can the invoice go
    to my work email instead? it's …", "Can you send both to my neighbor instead? Linda
    Ortiz, 2224 SE Alder St.")."""
    begin, _ = sentence_bounds(text, value.start, value.end)
    if begin == 0:
        return None
    asks = text[:begin].rstrip().endswith(("?", "؟"))
    if value.kind is Kind.NUMBER and not asks and not _number_sentence(text, begin, value):
        # "its 8203 now", "… gate code for deliveries. 8203" are the code named before;
        # "It's larger — up to 70" counts seats
        return None
    bare = _stands_alone(text, begin, value)
    if not asks and not bare and not points_back(text[begin : value.start]):
        return None
    if any(cue.topic.key_for(value.kind) for cue in cues_in(text[begin : value.start])):
        return None
    cues = _cues_of_sentences_before(text, begin, value.kind, 1 + bare * _BARE_LOOK_BACK)
    if not cues:
        return None
    best = max(cues, key=lambda c: (c.topic.strength_for(value.kind), c.end))
    if value.kind is Kind.ADDRESS and _delivered_to_place(text, value):
        return "delivery_address"
    return best.topic.key_for(value.kind)


#: A sentence that is a pointer back and a bare number: "its 8203 now", "it's now 8203".
_POINTER_LEADS = re.compile(
    r"\s*(?:it'?s|it\s+is|its|that'?s|that\s+is)\s+(?:now\s+|actually\s+|just\s+)?\d",
    re.IGNORECASE,
)
#: What may follow a number that is a sentence of its own: a few words ("12 is correct").
_NUMBER_SENTENCE_TAIL = re.compile(r"\s*(?:\S+\s*){0,2}$")


def _number_sentence(text: str, begin: int, value: ValueSpan) -> bool:
    """Whether a bare number's sentence is a pointer and the number ("its 8203 now") or the
    number with a few words at most ("8203", «۴۴۷۱», "12 is correct")."""
    if _POINTER_LEADS.match(text, begin):
        return True
    _, stop = sentence_bounds(text, value.start, value.end)
    return not text[begin : value.start].strip() and bool(
        _NUMBER_SENTENCE_TAIL.match(text[value.end : stop])
    )


#: A full stop before a sentence (Thai runs sentences together without one).
_STOP_BEFORE = re.compile(r"[.!?؟…]\s*$")
#: A value said in addition to the one known ("my work phone too"): a subject of its own
#: even in a message that corrects something.
_IN_ADDITION = re.compile(
    r"(?<![A-Za-z])(?:too|also|as\s+well|another|second|extra)(?![A-Za-z])"
    rf"|(?<![{FA_LETTERS}])(?:هم|همچنین|دوم)(?![{FA_LETTERS}])|ด้วย|อีก",
    re.IGNORECASE,
)


def _stands_alone(text: str, begin: int, value: ValueSpan) -> bool:
    """Whether ``value`` is a sentence of its own after a full stop, in a message that
    adds it rather than corrects one ("… my work phone too? I'm often out. 0113 …")."""
    if text[begin : value.start].strip() or not _STOP_BEFORE.search(text[:begin]):
        return False
    if is_thai(text):
        return False  # «10.55 น. 1,200 บาท»: a Thai abbreviation's dot, no full stop
    return not is_correction(text) or _IN_ADDITION.search(text) is not None


#: How many more sentences back a value said on its own looks for what it is ("my work
#: phone? I'm often out. 0113 …").
_BARE_LOOK_BACK = 2


def _cues_of_sentences_before(text: str, begin: int, kind: Kind, sentences: int) -> list[Cue]:
    """The cues for ``kind`` of the nearest of the ``sentences`` sentences before
    ``begin`` that names one; none from or past a sentence that states a value of that
    kind (its cue is its own value's)."""
    while begin > 0 and sentences > 0:
        previous_begin, _ = sentence_bounds(text, max(0, begin - 2), max(0, begin - 1))
        sentence = text[previous_begin:begin]
        if any(v.kind is kind for v in find_values(sentence)):
            return []  # "any wiggle room on the 142? we paid 128": the cue is the 142's
        cues = [c for c in cues_in(sentence) if c.topic.key_for(kind)]
        if cues:
            return cues
        begin, sentences = previous_begin, sentences - 1
    return []


def _generic_in_persian(cues: Sequence[tuple[Topic, int]], text: str, value: ValueSpan) -> bool:
    """Whether only words that say a sum is a sum («جمعاً», «مبلغ») name ``value``, in a
    Persian sentence: in a correction, it is the sum corrected, not a new total."""
    sentence = _sentence_of(text, value)
    return bool(_PERSIAN.search(sentence)) and all(t.name in _SUMS_ONLY for t, _ in cues)


#: Values too distinctive to lose when nothing says what they are about (a repair request
#: "registered with number WS-77120", the installer's "number is 0916…"): kept under a key
#: of their own, never replacing another, shown with the words that lead to them.
NOTED_KINDS = {
    Kind.IDENTIFIER: "reference",
    Kind.PHONE: "other_phone",
    Kind.EMAIL: "other_email",
}


#: An assistant inviting the customer to get in touch, or to send something in: the number
#: or address is the company's ("please send it to freeze@…", «مدارک رو به … بفرستید»,
#: "ส่งรูปมาทางอีเมล …": «มา» sends it towards the speaker). "Contact", "email" and "text"
#: named as the customer's record ("I have the email … on the booking", "your contact
#: number …") invite nothing: the value is read back, not given to write to; "the email for
#: returns is …", "our contact number" and "the team's contact details" still do.
_GET_IN_TOUCH = re.compile(
    r"\b(?:call|reach|write\s+to)\b"
    r"|(?<!\byour\s)(?<!\bhave\sthe\s)(?<!\bhave\san\s)(?<!\bhave\syour\s)"
    r"\b(?:contact|email|e-mail|text)\b"
    r"|(?:^|\b(?:please|kindly|can|could|just)\s+)(?:send|forward|upload|mail)\b|\bsend\s+us\b"
    r"|تماس\s*بگیرید|زنگ\s*بزنید|پیام\s*بدید|بفرستید|بفرستین|ارسال\s*(?:کنید|بفرمایید)"
    r"|ایمیل\s*(?:کنید|بزنید)|ติดต่อ|โทรหา|โทรมาที่|ส่ง\S{0,24}มา",
    re.IGNORECASE,
)


def _named_as_id(text: str, value: ValueSpan, asked: Sequence[Topic]) -> bool:
    """Whether a phone-shaped number is an id the words say it is: «کد ملی بابام
    ۰۰۷۳۴۵۱۲۹۸», "policy number 0044 7781 2290", or the answer to a question about one
    ("National ID?" "۰۰۷۳۴۵۱۲۸۹"), when no word or question makes it a phone."""
    if value.kind is not Kind.PHONE:
        return False
    begin, _ = sentence_bounds(text, value.start, value.end)
    before = text[max(begin, value.start - _ID_CUE_REACH) : value.start]
    # "my dad's": whose it is, not what it is
    cues = [cue for cue in cues_in(before) if cue.topic.name not in OTHER_PERSONS]
    if cues:
        nearest = max(cues, key=lambda cue: cue.end).topic
        return nearest.key_for(Kind.NUMBER) is not None and nearest.key_for(Kind.PHONE) is None
    wanted = [topic for topic in asked if topic.key_for(Kind.NUMBER) or topic.key_for(Kind.PHONE)]
    return bool(wanted) and all(topic.name in _ID_QUESTIONS for topic in wanted)


def _id_put_right(value: ValueSpan, text: str, facts: _Facts) -> str | None:
    """The key of a held id (not a phone) that a phone-shaped number given as a correction
    puts right, as alike as a typo (difflib ratio ``_NEAR``: about two digits in ten
    changed): «کد ملیشم اشتباه دادم، آخرش ۸۱ نیست ۱۸ ـه. ۰۰۲۳۴۵۶۷۱۸» is the national id
    corrected, not a new phone; the one held phone as near is the phone corrected, whatever
    party an open question asks about («พิมพ์ผิด ที่ถูกคือ 081-734-5529» after the agent
    found 081-734-5592 dead); None when several are as near, or when the sentence names the
    phone («ขอโทษครับ เบอร์ผิด ที่ถูกคือ …»: its cue keys it)."""
    if value.kind is not Kind.PHONE:
        return None
    begin, stop = sentence_bounds(text, value.start, value.end)
    if any(cue.topic.name == "phone" for cue in cues_in(text[begin:stop])):
        return None
    digits = digits_of(value.text)
    near = [
        key
        for key, held in facts.current_values().items()
        if len(digits_of(held)) == len(digits) and _near(digits, digits_of(held))
    ]
    return near[0] if len(near) == 1 else None


#: How near an id's name must stand before a phone-shaped number to make it that id
#: («کد ملی بابام ۰۰۷۳…»; not «… تو پرواز گوشیش خاموشه ۰۹۱۲…», a phone after a flight).
_ID_CUE_REACH = 14
#: Questions about an id a phone-shaped answer may be (not a flight, a card's last digits).
_ID_QUESTIONS = frozenset({"national_id", "account", "ticket", "booking", "serial", "tracking"})


def _someone_elses_phone(text: str, value: ValueSpan) -> str | None:
    """The key of a phone no word of its own sentence names, when the message names whose
    it is in another ("can you text my wife instead? 0912…", «به شماره خانمم بفرستید؟
    ۰۹۱۲…», "โทรหาแฟนผมก็ได้ครับ. 089-…"): the nearest person named, before or after."""
    if value.kind is not Kind.PHONE:
        return None
    named = [
        (min(abs(value.start - cue.end), abs(cue.start - value.end)), cue.topic)
        for cue in cues_in(text)
        if cue.topic.name in OTHER_PERSONS and not value.start <= cue.start < value.end
    ]
    if not named:
        return None
    return min(named, key=lambda item: item[0])[1].key_for(Kind.PHONE)


def _echoed_contact(value: ValueSpan, facts: _Facts) -> bool:
    """Whether the assistant only reads back a phone, email or code a fact already holds
    under a subject of its own ("Noted, your wife's 0912… as the second number"; "if you
    order again, SORRY10 covers it"): an echo never moves it to another subject (nor
    makes it the customer's)."""
    if value.kind not in (Kind.PHONE, Kind.EMAIL, Kind.IDENTIFIER):
        return False
    noted = set(NOTED_KINDS.values())
    held = facts.keys()
    subjects = [key for key in held if base_key(key) not in noted]
    said = _digits_or_text(value.text)
    return any(_digits_or_text(facts.current(key) or "") == said for key in subjects)


#: Kinds whose values are a number with a unit: "the 140" after "140 cm" is the desk.
_MEASURE_KINDS = frozenset({Kind.LENGTH, Kind.WEIGHT, Kind.COUNT})


def _repeats_a_measure(
    value: ValueSpan, key: str, text: str, asked: Sequence[Topic], facts: _Facts
) -> bool:
    """Whether a bare number read as an id repeats a sum or a measure said in an earlier
    message ("any wiggle room on the 142?" after "£142 per room", «FOODGO REFUND 140»
    after «ยอด 140 บาท»): it names that sum again, no room number nor order id. Under a
    sum's own key («ค่าส่ง 1,460 + …») it is the sum restated. Named by its key right
    before it ("you're in room 210", «เลขออเดอร์ของผมคือ 5120») or the bare reply to the
    key's question ("order number?" → "350"), it is the id all the same."""
    if not (
        value.kind is Kind.NUMBER
        and key not in _AMOUNT_KEYS
        and digits_of(value.text) in facts.measured
    ):
        return False
    topics = [t for t in TOPICS if base_key(key) in t.keys.values()]
    before = text[max(0, value.start - _KEY_REACH) : value.start]
    if any(
        _KEY_FILLER.fullmatch(before[cue.end() :])
        for topic in topics
        for cue in topic.pattern.finditer(before)
    ):
        return False
    rest = (text[: value.start] + text[value.end :]).split()
    return not (any(t in asked for t in topics) and len(rest) <= _MAX_BARE_REPLY_WORDS)


#: What makes a sum a rate: "£129 a month", "$40 per night". A rate written with a slash
#: ("£7.50/week") is held as its bare sum ("£7.50"), so none held reads so.
_PER_PERIOD = re.compile(
    r"\s*(?:a|an|per|every)\s*(?:month|week|year|night|day|hour|visit|person)\b", re.IGNORECASE
)


def _restates_a_held_sum(value: ValueSpan, key: str, text: str, facts: _Facts) -> bool:
    """Whether a bare sum read under a sum's key names again a rate held in full under
    another ("he's not having £129" after "£129 a month" was quoted): it is
    that sum said again, not a new one (held as current, it kept "£129 a month" from being
    marked replaced when the fee changed). Named by its key right before it ("the deposit
    is £129") it is that key's all the same."""
    if value.kind is not Kind.AMOUNT or base_key(key) not in _AMOUNT_KEYS:
        return False
    said = value.text.strip()
    if not any(
        held != key
        and base_key(held) in _AMOUNT_KEYS
        and current.startswith(said + " ")
        and _PER_PERIOD.match(current, len(said))
        for held, current in facts.current_values().items()
    ):
        return False
    topics = [t for t in TOPICS if base_key(key) in t.keys.values()]
    before = text[max(0, value.start - _KEY_REACH) : value.start]
    return not any(
        _KEY_FILLER.fullmatch(before[cue.end() :])
        for topic in topics
        for cue in topic.pattern.finditer(before)
    )


#: How far before a number its key word is looked for, and what may stand between them:
#: "room 210", "order number is 350", «เลขออเดอร์ของผมคือ 5120», «شماره سفارشم ۳۵۰».
_KEY_REACH = 30
_KEY_FILLER = re.compile(
    r"(?:\s|[:#.\-]|number|no|is|was|ของ(?:ผม|ฉัน|หนู|เรา|คุณ|ดิฉัน)?|คือ|หมายเลข|เลขที่|เลข"
    r"|شماره|ی|هم)*",
    re.IGNORECASE,
)
#: A reply this short besides its number is the number itself ("it's 350", «۳۵۰ هست»).
_MAX_BARE_REPLY_WORDS = 2


def _flat_of_held_address(value: ValueSpan, key: str, facts: _Facts) -> bool:
    """Whether a room number is the flat of an address held («ให้ขึ้นมาส่งหน้าห้อง 1208»
    after «… ตึก A ห้อง 1208», "bring it up to room 1208" after "… Tower A, room 1208"):
    the address says it already; it is no room of a booking. Only as the flat («ห้อง»,
    «واحد», "flat 12"): a house number or a «پلاک» that a hotel room repeats is no flat."""
    if base_key(key) != "room_number":
        return False
    said = _flat_numbered(value.text)
    return any(
        said.search(address)
        for held, address in facts.current_values().items()
        if base_key(held).endswith("_address")
    )


#: The word that says a number in an address is its flat or room.
_FLAT_WORD = r"(?<![A-Za-z])(?:room|flat|apt|apartment|unit)\.?|ห้อง|واحد|اتاق"


@functools.lru_cache(maxsize=64)
def _flat_numbered(number: str) -> re.Pattern[str]:
    """«ห้อง 1208», "room 1208", "flat no. 12": ``number`` said as a flat or room."""
    return re.compile(
        rf"(?:{_FLAT_WORD})\s*(?:no\.?\s*|number\s*)?{re.escape(number)}(?![\w-])",
        re.IGNORECASE,
    )


#: Kinds whose number is said with a unit or a currency (not a count: "2 nights" then
#: "2" for the guests is a count of its own).
_SAID_WITH_UNIT = frozenset({Kind.AMOUNT, Kind.LENGTH, Kind.WEIGHT})


def _number_of_known_measure(value: ValueSpan, facts: _Facts) -> bool:
    """Whether a bare number is the number of a measure a fact holds ("the 140 isn't
    stocked" after the desk's "140 cm"): it names that thing, never a sum of money or an
    id (nor corrects one)."""
    if value.kind is not Kind.NUMBER:
        return False
    for key in sorted(facts.keys()):
        held = facts.current(key) or ""
        spans = find_values(held)
        if any(
            s.kind in _MEASURE_KINDS and digits_of(s.text) == digits_of(value.text) for s in spans
        ):
            return True
    return False


def _digits_or_text(value: str) -> str:
    """A phone as its digits (any script, any spacing); anything else as written."""
    digits = digits_of(value)
    return digits if len(digits) >= _MIN_ID_DIGITS else value.strip().casefold()


def _read_from_record(value: ValueSpan, text: str) -> bool:
    """Whether the assistant reads the customer's own contact back ("we have 07700 900123
    on file", «در سیستم شماره … ثبت شده», "ในระบบเป็น …"), not an invitation to call."""
    begin, stop = sentence_bounds(text, value.start, value.end)
    sentence = text[begin:stop]
    return bool(_YOURS.search(sentence)) and not _GET_IN_TOUCH.search(sentence)


def _our_contact(value: ValueSpan, from_user: bool, text: str) -> bool:
    """Whether a phone or email the assistant writes is the company's own."""
    if from_user or value.kind not in (Kind.PHONE, Kind.EMAIL):
        return False
    begin, stop = sentence_bounds(text, value.start, value.end)
    sentence = text[begin:stop]
    return bool(
        _COMPANY_EMAIL.match(value.text)
        or _OURS.search(sentence)
        or _GET_IN_TOUCH.search(sentence)
        or a_teams_contact(text[begin : value.start])
    )


def _town_start(text: str, value: ValueSpan, start: int) -> int:
    """Where an address a customer gives starts: at the town and district that open the
    reply right before the street («اهواز کیانپارس خیابان …»)."""
    if start != value.start:
        return start
    begin, _ = sentence_bounds(text, value.start, value.end)
    opening = town_opening(text[begin : value.start])
    return start if opening is None else begin + opening


def _place_named_in_reply(
    text: str, value: ValueSpan, start: int, asked: Sequence[Topic]
) -> tuple[int, str] | None:
    """A Thai reply to a question for an address that leads with the project's or condo's
    name before the tower and room: where the address starts and that name."""
    if value.kind is not Kind.ADDRESS or start != value.start or not is_thai(text):
        return None
    if not any(Kind.ADDRESS in topic.keys for topic in asked):
        return None
    return named_in_reply(text, value.start)


#: Words that make a contact detail the customer's when the assistant writes it.
_YOURS = re.compile(
    r"(?<![A-Za-z])(?:your|you|on\s+file|on\s+record|in\s+(?:the|our)\s+system"
    r"|on\s+(?:the|your)\s+account)(?![A-Za-z])|(?<![\w])(?:شما)|تون(?![\w])|در\s*سیستم|تو\s*سیستم"
    r"|در\s*پرونده|คุณ|ลูกค้า|ในระบบ|ในบัญชี|ที่ลงทะเบียน",
    re.IGNORECASE,
)
_CUSTOMER_CONTACT = frozenset({"customer_phone", "customer_email"})
#: Keys of what a meter or a dial reads: a count, whatever its size or grouping.
_READING_KEYS = frozenset({"mileage"})
#: The fewest digits a reading has (an odometer shows hundreds at least).
_MIN_READING_DIGITS = 3
_PERCENT = re.compile(r"\s?(?:%|per\s?cent\b|درصد|เปอร์เซ็นต์)", re.IGNORECASE)
#: A temperature: "10 degrees", «۱۰ درجه», «10 องศา».
_DEGREES = re.compile(r"\s?(?:°|degrees?\b|درجه|องศา)", re.IGNORECASE)


def _fits(key: str, value: ValueSpan, from_user: bool, text: str) -> bool:
    """Whether ``value`` can be the value of ``key`` at all: a bare number needs a few
    digits to be an id; a phone or an email the assistant writes is the customer's only
    when the assistant says it is theirs ("we have your number as …")."""
    if value.kind is Kind.NUMBER and key not in _AMOUNT_KEYS:
        if key in _READING_KEYS:
            # "mileage is 84,312": a reading, grouped like an amount; a digit or two is
            # something else ("What's the mileage?" "… I'm bringing it at 9.")
            return sum(c.isdigit() for c in value.text) >= _MIN_READING_DIGITS
        if any(c in value.text for c in ",٬،.٫"):
            return False  # "10,000" is an amount, not an id
        if sum(c.isdigit() for c in value.text) < _MIN_ID_DIGITS:
            return False
    if value.kind is Kind.NUMBER and key in _AMOUNT_KEYS and counts_a_noun(text, value.start):
        return False  # "the updated total: 24 jerseys at $52.00": the jerseys counted
    if key in _CUSTOMER_CONTACT:
        begin, stop = sentence_bounds(text, value.start, value.end)
        if a_teams_contact(text[begin : value.start]):
            return False  # "the email for the warranty team is …"
        if from_user:
            return True
        if sent_to_us(text[begin : value.start], text[begin:stop]):
            return False  # "please email them to claims@…": where the customer writes to
        return _YOURS.search(text[begin:stop]) is not None
    return True


_LETTERS = re.compile(r"[^\W\d_]+")
_DIGITS = re.compile(r"\d+")


def _id_shape(text: str) -> str:
    """Letters as "A", digits as "9", the rest as written: "HX-20931457" is "A-9"."""
    return _DIGITS.sub("9", _LETTERS.sub("A", text.strip()))


def _another_id(value: ValueSpan, current: str | None) -> bool:
    """Whether ``value`` is an id of another shape than the one the key holds ("SORRY10"
    after "#771492"): another thing, not a new value of the same one."""
    if (
        value.kind is not Kind.IDENTIFIER
        or current is None
        or _kind_of(current) is not Kind.IDENTIFIER
    ):
        return False
    if restates(value.text, current) or restates(current, value.text):
        return False
    return _id_shape(value.text) != _id_shape(current)


def _loose_date_in_question(text: str, value: ValueSpan) -> bool:
    """ "today" in "what can I sort out for you today?" is no date of anything."""
    if value.kind is not Kind.DATE or any(c.isdigit() for c in value.text):
        return False
    begin, stop = sentence_bounds(text, value.start, value.end)
    return is_question(text[begin:stop])


#: What may stand between a loose date and the exact one that says it again.
_APPOSITION = re.compile(r"^\s*[,:(–-]?\s*$")


def _said_exactly_next(text: str, value: ValueSpan, rest: Sequence[ValueSpan]) -> bool:
    """Whether a loose date is said again exactly right after it ("tomorrow, Friday 10
    October"): the exact one is the value, and takes the cue."""
    if value.kind is not Kind.DATE or any(c.isdigit() for c in value.text) or not rest:
        return False
    following = rest[0]
    return (
        following.kind is Kind.DATE
        and any(c.isdigit() for c in following.text)
        and _APPOSITION.match(text[value.end : following.start]) is not None
    )


def _vaguer_date(
    value: ValueSpan, key: str, changes: tuple[bool, bool], facts: _Facts, text: str
) -> bool:
    """A date or time said more loosely than the one known ("tomorrow", "Friday", "the
    28th" after "Friday 27 December"; "in the afternoon" after "1-5pm") without a word of
    change: the same day, or another day talked about, not a new date for the same thing."""
    correction, update = changes
    # "now" says a date changed ("it's now Friday"); of a time it is the clock ("it's
    # now half past three"): a looser time replaces only with a word of correction.
    if value.kind not in (Kind.DATE, Kind.TIME) or correction:
        return False
    if value.kind is Kind.DATE and update and _moved_here(text, value):
        return False  # "now", "new" move a date, a day named from today too ("now tomorrow")
    current = facts.current(key)
    if current is None:
        return False
    if _inside_hours(value.time.text if value.time else value.text, current):
        return True  # «حدود ساعت ۱۸:۳۰» within «ساعت ۱۸ تا ۲۰»: when in the slot, not a new one
    if value.kind is Kind.TIME:
        # "this afternoon" after "13.00-17.00": the same slot said loosely
        return not any(c.isdigit() for c in value.text) and any(c.isdigit() for c in current)
    return _date_detail(value.text) < _date_detail(current)


def _moved_here(text: str, value: ValueSpan) -> bool:
    """Whether a word of update moves this date: anywhere in the message for a date that
    names its day, in its own sentence for a day named from today. «دکتر رضایی امروز بیمار
    شدن … همین الان میتونن ببیننش» (the doctor is ill today; another can see her right now)
    says when someone fell ill, no new day of the visit."""
    if _date_detail(value.text) >= 0:
        return True
    begin, stop = sentence_bounds(text, value.start, value.end)
    sentence = text[begin:stop]
    if is_thai(sentence):
        sentence = near_words(text, value.start, value.end, begin, stop)
    return is_update(sentence)


#: Hours as "18 تا 20", "18-20", "18:30" (digits of any script, read by ``_number``).
_HOUR_RANGE = re.compile(r"(\d{1,2})(?:[:.]\d{2})?\s*(?:تا|-|–|to|ถึง)\s*(\d{1,2})(?:[:.]\d{2})?")
_CLOCK = re.compile(r"(?<!\d)(\d{1,2})[:.](\d{2})(?!\d)")


def _inside_hours(new: str, current: str) -> bool:
    """Whether ``new`` is one clock time ("18:30") inside the hours ``current`` gives."""
    slot, clock = _HOUR_RANGE.search(current), _CLOCK.search(new)
    if slot is None or clock is None or _HOUR_RANGE.search(new):
        return False
    start, stop = (_number(group) or 0.0 for group in slot.groups())
    hour = (_number(clock.group(1)) or 0.0) + (_number(clock.group(2)) or 0.0) / 60
    return start <= hour < stop


_MONTH_OR_YEAR = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\d{4}|\d{1,2}[/.-]\d{1,2}"
    rf"|{FA_SOLAR_MONTH}"
    r"|[\u0e01-\u0e4e]\.[\u0e01-\u0e4e]\.|มกรา|กุมภา|มีนา|เมษา|พฤษภา|มิถุนา|กรกฎา|สิงหา"
    r"|กันยา|ตุลา|พฤศจิ|ธันวา",
    re.IGNORECASE,
)


def _date_detail(text: str) -> int:
    """How much of a date a text gives: a day number, a month or year; less than a named
    day when it names the day only from when it is said ("tomorrow", «فردا», "วันนี้"):
    said later, the word names another day."""
    if text.strip().casefold() in RELATIVE_DAYS:
        return -1
    has_day = any(c.isdigit() for c in text)
    return int(has_day) + int(_MONTH_OR_YEAR.search(text) is not None and has_day)


def _corrected_near(text: str, begin: int, stop: int) -> bool:
    """Whether the words of correction stand in the value's sentence or one next to it
    ("Sorry, my mistake. It's 48231."), not in another part of a long recap (a "Move
    reference MV-66021." at its end does not correct the dates at its start)."""
    ends = [0, *(match.end() for match in SENTENCE_END.finditer(text, 0, begin))]
    before = ends[-2] if len(ends) > 1 else 0
    after = SENTENCE_END.search(text, stop + 1)
    return is_correction(text[before : after.end() if after else len(text)])


def _sentence_of(text: str, value: ValueSpan) -> str:
    begin, stop = sentence_bounds(text, value.start, value.end)
    return text[begin:stop]


_PERSIAN = re.compile(rf"[{_FA}]")
#: How near the end of a Persian sentence its verb stands.
_VERB_REACH = 16


def _cues_after(text: str, value: ValueSpan, stop: int) -> list[tuple[int, Cue]]:
    """Cues after ``value``, each with its distance. Persian puts the verb last («مبلغ …
    به کارتتون برگشت داده میشه»): there the cue nearest the end of the sentence says what
    the value is, wherever the value stands in it."""
    verb_last = bool(_PERSIAN.search(text[value.end : stop]))
    short = value.end + _SHORT_REACH.get(value.kind, _CUE_REACH_AFTER)
    reach = stop if verb_last else min(stop, short)
    after = text[value.end : reach]
    found = []
    # read in the whole text, so that a cue's own look around sees past the reach: "with
    # our wedding coordinator" names no wedding, however near "wedding" stands
    for whole in cues_in(text):
        if not (value.end <= whole.start and whole.end <= reach):
            continue
        cue = Cue(whole.topic, whole.start - value.end, whole.end - value.end)
        if is_thai(after) and opens_next_clause(after[: cue.start]):
            continue
        if opens_reason_clause(after[: cue.start]) and not _names_a_sum(cue.topic):
            continue  # "… at $52.00 since the order's already in": the order, no total
        if _leads_another(after, cue, value.kind):
            continue  # «۱۱۸ و ۲۴ هزار، جمعاً ۱۴۲ هزار»: the sum's cue, not the 24's
        near_value = value.end + cue.start <= short
        near_end = len(after) - cue.end <= _VERB_REACH
        if not (near_value or (verb_last and near_end)):
            continue
        if not verb_last and _leads_own_value(text[value.end + cue.end : stop], value.kind):
            continue
        distance = min(cue.start, len(after) - cue.end) if verb_last else cue.start
        placed = Cue(cue.topic, value.end + cue.start, value.end + cue.end)
        found.append((2 * distance + 1, placed))
    return found


def _names_a_sum(topic: Topic) -> bool:
    """Whether ``topic`` is what a sum is ("total", "deposit", "refund"), a word a sum
    before a clause of reason answers ("$500 since the deposit went up"); not a thing a
    sum is only said with ("the order")."""
    return Kind.AMOUNT in topic.keys and Kind.AMOUNT not in topic.weak_kinds


def _leads_own_value(rest: str, kind: Kind) -> bool:
    """Whether a cue after a value leads a value of the same kind of its own ("on Monday
    12 May, returning on Sunday 25 May"; "delivered on Nov 23, returned … on Nov 25"):
    it names that one, not the value before it."""
    clause = _CLAUSE_BREAK.split(rest, maxsplit=1)[0]  # "$15 a month, and … $15 on May 3"
    return any(span.kind is kind for span in find_values(clause))


_CLAUSE_BREAK = re.compile(r"[,;]|\s(?:and|but)\s", re.IGNORECASE)

#: How near a value a cue just before it must stand to be that value's own.
_OWN_CUE_GAP = 12


def _leads_another(after: str, cue: Cue, kind: Kind) -> bool:
    """Whether a cue after a value is another value's: one of the same kind stands between
    them, or right after the cue."""
    if any(v.kind is kind for v in find_values(after[: cue.start])):
        return True
    following = [v for v in find_values(after[cue.end :]) if v.kind is kind]
    return bool(following) and following[0].start <= _OWN_CUE_GAP


#: Kinds of value that may be a sum of money.
_SUM_KINDS = frozenset({Kind.AMOUNT, Kind.NUMBER})

_AND = re.compile(r"^\s*(?:and|&|/|,|و|และ|กับ)\s*(?:the\s+|your\s+)?$", re.IGNORECASE)


def _nearest_cues(
    text: str, value: ValueSpan, used: set[tuple[int, Kind]] | None = None
) -> list[tuple[Topic, int]]:
    """(topic, cue start) of the best cue in reach of ``value`` that has a key for its
    kind: strong cues before weak ones, then the nearest (a cue after the value counts
    double its distance). A cue already ``used`` by a value of the same kind is spent: it
    names the first date after it, not every date of the message ("check-out Monday
    30 Dec … the cake on the 28th"). A cue joined to the best by "and" comes along
    ("your delivery and assembly are booked for …"). The cues chosen are marked used."""
    begin, stop = sentence_bounds(text, value.start, value.end)
    reach = _SHORT_REACH.get(value.kind, _CUE_REACH_BEFORE)
    window = max(begin, value.start - reach)
    spent = used if used is not None else set()
    scored: list[tuple[int, Cue]] = []
    # cues read in the whole text, so that a cue may look past itself («ไปรษณีย์ 50200»:
    # the post before a postcode's digits)
    for placed in cues_in(text):
        if placed.start < window or placed.end > value.start:
            continue
        if placed.topic.name in _SPAN_WORDS and any(
            v.kind is value.kind for v in find_values(text[placed.end : value.start])
        ):
            continue  # "starting from 8 March, … restart on 8 May": the start is 8 March
        if (
            not counted_from(text, placed.start)
            and not taken_off(text, placed.start)
            # «جمع کل با اجرت میشه …»: what the sum includes, not what it is
            and not (value.kind is Kind.AMOUNT and included_with(text, placed.start))
        ):
            scored.append((value.start - placed.end, placed))
    if value.kind not in (Kind.NUMBER, Kind.PHONE):
        scored += _cues_after(text, value, stop)
    if _MONEY_HELD.search(text, begin, stop) and any(c.topic.name == "balance" for _, c in scored):
        return []  # what is left on a card or in an account: no sum of the order
    usable = [
        (d, c)
        for d, c in scored
        if c.topic.key_for(value.kind) is not None
        and (c.start, value.kind) not in spent
        # «ยอดรวม 49,450 บาท ส่งฟรี»: what is free costs no sum
        and not (value.kind in _SUM_KINDS and said_free(text, c.start, c.end))
    ]
    if not usable:
        return []
    before = [c for _, c in usable if c.end <= value.start]
    labelled = before and all(c.topic.name in _SPAN_WORDS for c in before)

    def strength(cue: Cue) -> int:
        # «สิ้นสุด 31 ต.ค. 2568 … ส่งให้อ่าน»: a start or end word, the only cue before
        # its day, is its label, whatever cue follows
        if labelled and cue in before and value.start - cue.end <= _LABEL_GAP:
            return STRONG
        return cue.topic.strength_for(value.kind)

    _, best = max(usable, key=lambda item: strength(item[1]) * 1000 - item[0])
    best = fee_of_named_subject(best, [c for _, c in usable], text)
    chosen = [best]
    for _, other in usable:
        if other.topic is best.topic or other in chosen:
            continue
        first, second = sorted((best, other), key=lambda c: c.start)
        if _AND.match(text[first.end : second.start]):
            chosen.append(other)
    spent.update((c.start, value.kind) for c in chosen)
    return [(c.topic, c.start) for c in chosen]


#: Words of where a span starts or ends: they name the first day after them only.
_SPAN_WORDS = frozenset({"start", "end"})
#: How near its day a start or end word stands to be the day's label ("ends on ").
_LABEL_GAP = 8


#: Money held on a card or in an account: its balance is what is left to spend, not a sum
#: owed ("I topped up my card, the remaining balance is £12.40", «ยอดเงินคงเหลือในบัญชี»).
_MONEY_HELD = re.compile(
    r"\btop(?:ped|s)?[\s-]?up\b|\b(?:in|on)\s+(?:my|the|your)\s+(?:card|account|wallet)\b"
    r"|ในบัญชี|ในบัตร|ในกระเป๋าเงิน",
    re.IGNORECASE,
)


#: Words that scale the number written before them.
_SCALES = (
    (re.compile(rf"(?<![{_FA}])میلیون|\bmillion\b|ล้าน", re.IGNORECASE), 1_000_000),
    (re.compile(rf"(?<![{_FA}])هزار|\bthousand\b|พัน", re.IGNORECASE), 1_000),
)


def _scale(amount: str) -> int:
    """What the words of an amount multiply its number by: 1,000 for «۴۳۰ هزار تومان»."""
    return next((factor for pattern, factor in _SCALES if pattern.search(amount)), 1)


def _number(text: str) -> float | None:
    digits = re.sub(r"[^\d.٫]", "", text.replace("٫", "."))
    try:
        return float("".join(str(int(c)) if c.isdigit() else c for c in digits))
    except ValueError:
        return None


_THAI_RATE = re.compile(TH_PER_AFTER)
#: How much of a known value its one shaped value must cover to give the value its kind:
#: "จันทร์เพ็ญ รัตนกุล" is a name that holds "จันทร์" (Monday), not a date.
_KIND_COVERAGE = 0.6


def _kind_of(value: str) -> Kind | None:
    spans = find_values(value)
    if len(spans) != 1:
        return None
    rate = _THAI_RATE.match(value, spans[0].end)  # «699 บาทต่อเดือน» is a sum still
    covered = (rate.end() if rate else spans[0].end) - spans[0].start
    return spans[0].kind if covered >= _KIND_COVERAGE * len(value.strip()) else None


#: A bare number this short is an id put right only when the correction leads it.
_MIN_TYPO_DIGITS = 4


def _similar(new: ValueSpan, kind: Kind, old: str, bare_corrects: bool = False) -> bool:
    """Whether ``new`` can be a corrected ``old``: same kind, or a bare number that is
    a typo of an id (digits in common) or, when ``bare_corrects`` (the correction leads
    it: ``number_said_as_correction``), an amount of the same order."""
    if new.kind is Kind.MEASURE:  # "10.4 kWh" corrects a battery's size, no speed
        return kind is Kind.MEASURE and measured(new) in map(measured, find_values(old))
    if new.kind is Kind.ADDRESS and kind is Kind.ADDRESS and building_part_only(old):
        # «اصلاح شد: بلوار امین، کوچه ۱۶» puts right the street, not the floor and flat
        # («طبقه ۴، واحد ۱۲») said after it: only another building part corrects those
        return building_part_only(new.text)
    if new.kind is kind and kind not in (Kind.NUMBER, Kind.IDENTIFIER):
        return True
    if new.kind not in (Kind.NUMBER, Kind.IDENTIFIER):
        return False
    # An id is corrected by one with mostly the same digits, not by any other id: a typo
    # changes, swaps, adds or drops a digit, or the end left off is said ("44102" put
    # right by "4410287"); "GRP-20471" puts right no "142".
    if new.kind is Kind.IDENTIFIER and kind is Kind.IDENTIFIER and _same_pattern(new.text, old):
        return True  # "a grey Corsa instead, YD68 PWE" after "reg LN19 ODK": that one replaced
    if kind in (Kind.IDENTIFIER, Kind.NUMBER, Kind.PHONE):
        a, b = digits_of(new.text), digits_of(old)
        common = sum(min(a.count(d), b.count(d)) for d in set(a))
        alike = abs(len(a) - len(b)) <= 1 or (len(b) >= _MIN_TYPO_DIGITS and b in a)
        if new.kind is Kind.NUMBER and len(a) < _MIN_TYPO_DIGITS and not bare_corrects:
            return False  # "I can move all 24 across": a count, unless the correction leads it
        return bool(a) and alike and common >= 0.6 * max(len(a), len(b))
    if kind is Kind.AMOUNT and new.kind is Kind.NUMBER and bare_corrects:
        x, y = _number(new.text), _number(old)
        if y is not None:
            y *= _scale(old)  # «۴۳۰ هزار تومان» is 430,000, which «۱۰۰ مگ» does not correct
        return bool(x and y) and 0.2 <= x / y <= 5  # type: ignore[operator]
    return False


#: Letters and digits an id must mix for its pattern alone to say what it is.
_MIN_PATTERN_CHARS = 6


def _same_pattern(new: str, old: str) -> bool:
    """Whether two ids are written in one pattern, character by character ("YD68 PWE" and
    "LN19 ODK" are both "AA99 AAA"; "SORRY50" and "HUNGRY40" are not), both mixing letters
    and digits: the same sort of code."""
    shape = _char_shape(new)
    return (
        shape == _char_shape(old)
        and "A" in shape
        and "9" in shape
        and sum(c.isalnum() for c in new) >= _MIN_PATTERN_CHARS
    )


def _char_shape(text: str) -> str:
    return "".join("9" if c.isdigit() else "A" if c.isalpha() else c for c in text.strip())


def _similar_known(
    value: ValueSpan,
    facts: _Facts,
    correction: bool,
    bare_corrects: bool = False,
    text: str = "",
    unnamed: bool = False,
) -> str | None:
    """The key of a known value this one corrects: in a correction, the most recent
    value of a compatible kind; anywhere, a near-identical id, email or phone (a typo
    put right: "VX14-8821-OD" for "VX14-8821-QD"). Phones of one family differ in a
    digit or two: a near phone is a correction only when the message says so. A near-identical
    id wins over a more recent one that merely shares digits («7กษ 4821» puts right the plate
    «7กข 4821», not the room «B812» named since). A code noted with its lead-in ("Tom
    Ellery, agreement is NVL-7730418") is put right too, unless a key holds it bare."""
    typo_kinds = _TYPO_KINDS if correction else _TYPO_KINDS - {Kind.PHONE}
    compatible = noted = None
    kept = _kept_alongside(value, text)
    for item in facts.recent():
        if is_age_key(base_key(item.key)):
            continue  # an age is put right by an age said (``ages_fa``), no other span
        kind = _kind_of(item.value)
        code = _noted_code(item.key, item.value)
        if (
            noted is None
            and code is not None
            and value.kind is code.kind
            and code.kind in typo_kinds
            and _near(value.text, code.text)  # "sorry typo, its NVL-7730481"
        ):
            noted = item.key  # unless a key holds the code bare
        if kind is None:
            continue
        if value.kind is kind and kind in typo_kinds and _near(value.text, item.value):
            return item.key
        if unnamed and base_key(item.key) in _NAMED_WHEN_CHANGED:
            continue  # «ถ้าเปลี่ยนเป็น Economy จะอยู่ที่ 1,380 บาท»: the price, not the discount
        if correction and _similar(value, kind, item.value, bare_corrects):
            if kept and any(piece in item.value for piece in kept):
                # «เลื่อนเป็นวันอาทิตย์ที่ 8 ธ.ค. ช่วงเวลาเดิม 13.00-15.00 น.»: the date held
                # with that slot is the one moved, however long ago it was named
                return noted or item.key
            if (
                compatible is None
                and base_key(item.key) in SPAN_DAYS
                and not facts.said_lately(item.key)
                and not _says_change(text, value, item.value)
            ):
                # a span's start or end is moved by name ("push the start to …"), right
                # after it was said ("… April 14" "April 21 instead"), or by a word of
                # change ("can I move it to 3 June instead?"): a bare new day said later
                # moves neither it nor an older day behind it
                compatible = ""
            compatible = item.key if compatible is None else compatible
    return noted or compatible or None


def _says_change(text: str, value: ValueSpan, held: str) -> bool:
    """Whether ``text`` says the day at ``value`` changes or corrects one held: a word of
    correction or change in its sentence or one next to it ("Can I move it to 3 June
    instead?", «ببخشید اشتباه گفتم، ۳ مهر», «ขอเปลี่ยนเป็น 5 ก.ค. แทนได้ไหมคะ»), or the held
    day named as the old one ("3 June, not 1 June"); not a bare new day."""
    if not text:
        return False
    begin, stop = sentence_bounds(text, value.start, value.end)
    if _corrected_near(text, begin, stop):
        return True
    at = text.find(held)
    while at >= 0:
        if is_negated(text, at, at + len(held)):
            return True
        at = text.find(held, at + 1)
    return False


#: A piece of a message that says which held value a correction moves: digits with a
#: separator or four and more ("13.00-15.00", "9-12", "2pm"), not a bare small number.
_KEPT_PIECE = re.compile(r"\d+(?:[.:\-–]\d+)+|\d{4,}|\d+\s?(?:am|pm)\b", re.IGNORECASE)


def _kept_alongside(value: ValueSpan, text: str) -> list[str]:
    """The pieces of ``text`` beside ``value`` (outside it) that a held value may repeat:
    "move it to Friday, same 9-12 slot" names the date held with 9-12."""
    return [
        m.group()
        for m in _KEPT_PIECE.finditer(text)
        if m.end() <= value.start or m.start() >= value.end
    ]


def _noted_code(key: str, value: str) -> ValueSpan | None:
    """The one id, email or phone a noted value holds with its lead-in ("Tom Ellery,
    agreement is NVL-7730418"): a typo of it put right is that note's value."""
    if base_key(key) not in NOTED_KINDS.values():
        return None
    codes = [v for v in find_values(value) if v.kind in _TYPO_KINDS]
    return codes[0] if len(codes) == 1 and codes[0].text != value else None


def _known_address(value: ValueSpan, facts: _Facts) -> str | None:
    """The key of a known address ``value`` says again, or says in full ("7 Orchard Row,
    Bath BA2 3QM" after "7 Orchard Row" given as where the customer moves to): the same
    place, under the same subject."""
    if value.kind is not Kind.ADDRESS:
        return None
    for item in facts.recent():
        if not base_key(item.key).endswith("_address"):
            continue
        if restates(item.value, value.text) or restates(value.text, item.value):
            return item.key
    return None


_TYPO_KINDS = frozenset({Kind.IDENTIFIER, Kind.EMAIL, Kind.PHONE})
_ID_KINDS = frozenset({Kind.IDENTIFIER, Kind.EMAIL})
#: Kinds of a record's number (an order's, a ticket's): a new one is another record.
_RECORD_KINDS = frozenset({Kind.IDENTIFIER, Kind.NUMBER})
#: How alike (difflib ratio) a value must be to a known one to be its correction.
_NEAR = 0.8


def _email_respelt(value: ValueSpan, facts: _Facts) -> str | None:
    """The key of a held email ``value`` nearly spells (a typo put right)."""
    if value.kind is not Kind.EMAIL:
        return None
    return next(
        (
            item.key
            for item in facts.recent()
            if _kind_of(item.value) is Kind.EMAIL and _near(value.text, item.value)
        ),
        None,
    )


def _near(new: str, old: str) -> bool:
    return new != old and SequenceMatcher(None, new.casefold(), old.casefold()).ratio() >= _NEAR


#: An address a business writes from, not one a customer is reached at.
_COMPANY_EMAIL = re.compile(
    r"^(?:support|help|info|no-?reply|service|team|sales|contact|billing|care|hello|orders?)@",
    re.IGNORECASE,
)
_OURS = re.compile(r"(?<![A-Za-z])(?:our|us|we)(?![A-Za-z])|(?<![\w])(?:ما|ما را)(?![\w])", re.I)


def _key_by_shape(value: ValueSpan, from_user: bool, text: str) -> str | None:
    if value.kind is Kind.EMAIL:
        begin = sentence_bounds(text, value.start, value.end)[0]
        if _COMPANY_EMAIL.match(value.text) or a_teams_contact(text[begin : value.start]):
            return None
        if not from_user and _GET_IN_TOUCH.search(_sentence_of(text, value)):
            return None
        if from_user or _read_from_record(value, text) or not _OURS.search(text):
            return "customer_email"
        return None
    if value.kind is Kind.PHONE:
        return "customer_phone" if from_user or _read_from_record(value, text) else None
    if value.kind is Kind.IDENTIFIER:
        for pattern, key in _ID_PREFIXES:
            if pattern.match(value.text):
                return key
        return None
    if value.kind is Kind.ADDRESS:
        return "delivery_address"
    return None


def _is_choice(text: str, value: ValueSpan, from_user: bool) -> bool:
    begin, stop = sentence_bounds(text, value.start, value.end)
    offered = offered_together(text[begin:stop], offered=not from_user)
    return any(v.start + begin == value.start and v.kind is value.kind for v in offered)


_CODE_SHAPE = re.compile(r"^#?[A-Za-z0-9][A-Za-z0-9 #/-]{2,30}$")


def _code_group(group: str) -> bool:
    """A group of a code: not a function word ("I ordered it in 2023" is a sentence)."""
    return group.casefold() not in ENGLISH_STOP_WORDS


def _code_answer(
    text: str, asked: Sequence[Topic], bound: set[tuple[str, Kind]]
) -> FactMatch | None:
    """A short reply that is a code as a whole ("ACC 3391 0072", "TRK 9921 3381 GB") to a
    question about an identifier: the whole code, not its first group of digits."""
    topics = [t for t in asked if t.key_for(Kind.IDENTIFIER) is not None]
    if not topics:
        return None
    start, value = _cleaned_answer(text)
    if not _CODE_SHAPE.match(value) or not any(c.isdigit() for c in value) or " " not in value:
        return None
    if not all(_code_group(group) for group in value.split()):
        return None
    topic = topics[0]
    bound.add((topic.name, Kind.IDENTIFIER))
    bound.add((topic.name, Kind.NUMBER))
    key = topic.key_for(Kind.IDENTIFIER)
    assert key is not None
    return FactMatch(key, value, start, start + len(value))


#: A code written in groups right after the name of its id: "tracking number TRK 5521
#: 8830", "account number is ACC 3391 0072", "Rewards number HV 55 802 316".
_GROUPED_CODE = re.compile(
    r"\s*(?:is\s+|:\s*|#\s*)?(?P<code>(?:[A-Z]{1,5}|\d{2,}|\d[A-Z]{1,3}\d*)"
    # groups of capitals, digits, or both ("1Z 84W 2E7 02 9916 3374")
    r"(?:[ -](?:[A-Z]{1,5}\d*|\d{2,}|\d{1,3}[A-Z]{1,3}\d*)){1,5})"
    r"(?![\w-])"
)


def _grouped_codes(text: str, claimed: ClaimedSpans) -> list[FactMatch]:
    """Codes in groups of digits and capitals after an identifier's cue, whole (the
    shaped-value reader would see only their first group of digits)."""
    found = []
    for cue in cues_in(text):
        key = cue.topic.key_for(Kind.IDENTIFIER)
        if key is None or cue.topic.name in _NOT_GROUPED:
            continue
        match = _GROUPED_CODE.match(text, cue.end)
        if match is None:
            continue
        code = match.group("code")
        start, end = match.start("code"), match.end("code")
        label = text[cue.start : cue.end]
        if label.isalpha() and label.isupper() and text[cue.end : start] == " ":
            start, code = cue.start, text[cue.start : end]  # "RMA 5520 1187": its prefix too
        if " " not in code or sum(c.isdigit() for c in code) < _MIN_ID_DIGITS:
            continue
        if claimed.is_free(start, end):
            found.append(FactMatch(key, code, start, end))
    return found


#: "new" right before an id's name: the id that replaces the old one ("your new tracking
#: number is …" after a reship, "the new booking reference"). Not of an order: a "new
#: order" is another order.
_NEW_ID = re.compile(r"\b(?:new|updated|replacement|corrected)\s+(?:\w+\s+)?$", re.IGNORECASE)


def _renewed_id(text: str, code: FactMatch) -> bool:
    if base_key(code.key) == "order_id":
        return False
    cue = max(
        (c for c in cues_in(text[: code.start]) if c.topic.key_for(Kind.IDENTIFIER)),
        key=lambda c: c.end,
        default=None,
    )
    return cue is not None and _NEW_ID.search(text[max(0, cue.start - 24) : cue.start]) is not None


#: A code of letters and digits in groups, wherever it stands ("Is it 1Z 84W 2E7 02 9916
#: 3347?", "SP 4471 9062 GB").
_LOOSE_GROUPED_CODE = re.compile(
    r"(?<![\w-])(?P<code>(?:[A-Z]{1,5}\d*|\d{2,}|\d[A-Z]{1,3}\d*)"
    r"(?:[ -](?:[A-Z]{1,5}\d*|\d{2,}|\d{1,3}[A-Z]{1,3}\d*)){2,5})(?![\w-])"
)
_MIN_LOOSE_CODE_DIGITS = 6


def _codes_put_right(text: str, claimed: ClaimedSpans, facts: _Facts) -> list[FactMatch]:
    """A code in groups said with no name of its id, that is a known code of the same shape
    with a digit or two changed: that code put right ("wait, is it 1Z … 3347?" after "your
    new tracking number is 1Z … 3374"), not a phone read out of its last groups."""
    found = []
    for match in _LOOSE_GROUPED_CODE.finditer(text):
        code, start, end = match.group("code"), match.start("code"), match.end("code")
        letters = any(c.isalpha() for c in code)
        if not letters or sum(c.isdigit() for c in code) < _MIN_LOOSE_CODE_DIGITS:
            continue
        if not claimed.is_free(start, end):
            continue
        for key in sorted(facts.keys()):
            current = facts.current(key) or ""
            if current != code and _id_shape(current) == _id_shape(code) and _near(code, current):
                found.append(FactMatch(key, code, start, end))
                break
    return found


#: Cues whose values are no codes in groups: a product's model ("model 14 Pro") or a
#: coupon's word.
_NOT_GROUPED = frozenset({"product", "coupon", "postcode"})


def _codes(
    text: str, claimed: ClaimedSpans, asked: Sequence[Topic], bound: set[tuple[str, Kind]]
) -> list[FactMatch]:
    """Codes written as upper-case words ("SPRING", "WELCOME10") after a coupon cue or
    in answer to a question about one."""
    found: list[FactMatch] = []
    for span in code_words(text, claimed):
        before = text[max(0, span.start - 30) : span.start]
        cue = [c.topic for c in cues_in(before) if c.topic.name == "coupon"]
        wanted = [t for t in asked if t.name == "coupon" and (t.name, Kind.IDENTIFIER) not in bound]
        if cue or wanted:
            bound.add(("coupon", Kind.IDENTIFIER))
            claimed.claim(span.start, span.end)
            found.append(FactMatch("coupon_code", span.text, span.start, span.end))
    return found


# -- a reply that is itself the value ----------------------------------------------------------

#: What a reply opens with before the value it gives: a yes, an acknowledgement, a
#: greeting, the words that present it ("it's", "my name is", «اسمم», «ชื่อ»).
_ANSWER_LEAD_WORDS = (
    ENGLISH_YES
    | ENGLISH_ACKNOWLEDGEMENTS  # a reply noun only alone: "fine mesh sieve" is a name
    | ENGLISH_GREETINGS
    | PERSIAN_YES
    | PERSIAN_ACKNOWLEDGEMENTS
    | PERSIAN_GREETINGS
)
#: A Thai reply's yes or acknowledgement («ใช่», «โอเค», «ได้เลย»; «ได้», "can do", too),
#: and one with a polite particle written on it or the particle alone («ใช่ค่ะ สมชาย
#: ใจดี», «ได้เลยครับ», «ค่ะ»): no part of the value it gives.
_THAI_REPLY_WORD = rf"(?:{alternation(THAI_YES | THAI_ACKNOWLEDGEMENTS | word_set('ได้'))})"
_THAI_ANSWER_LEAD = (
    rf"{_THAI_REPLY_WORD}(?:{alternation(THAI_POLITE_WORDS)})?|{alternation(THAI_POLITE_WORDS)}"
)
_ANSWER_LEAD = re.compile(
    rf"^(?:(?:{reply_words(_ANSWER_LEAD_WORDS)}|of\s+course|certainly|no\s+problem"
    r"|it'?s|it\s+is|that'?s|that\s+is|that\s+would\s+be|here\s+you\s+go|here\s+it\s+is|my\s+name\s+is"
    r"|my\s+name'?s|name'?s|the\s+address\s+is|address\s+is|my\s+address\s+is|i'?m|i\s+am"
    r"|اسمم|اسم\s+من|نام\s+من|آدرسم|آدرس\s+من|آدرس|بنده|من"
    rf"|{_THAI_ANSWER_LEAD}|ชื่อ|ผมชื่อ|ดิฉันชื่อ|ฉันชื่อ|หนูชื่อ|ที่อยู่(?:คือ)?)"
    r"(?:[\s,:،!.\-–]+|$))+",
    re.IGNORECASE,
)
_ANSWER_TAIL = re.compile(
    rf"(?:[\s,،.!]|(?<![{_FA}])(?:هست|هستم|است|هستش|ممنون|مرسی|لطفا|لطفاً)(?![{_FA}])"
    r"|\bthanks?\b|\bthank\s+you\b|\bplease\b|\bcheers\b"
    rf"|{THAI_PARTICLES})+$",  # «ต้นกล้าคับ»: the spoken «คับ» is «ครับ»
    re.IGNORECASE,
)
_NOT_AN_ANSWER = re.compile(
    r"\?|؟|\b(?:one\s+(?:sec|moment|minute)|hold\s+on|let\s+me|why|what|don'?t\s+know|not\s+sure"
    r"|no\b|sorry|wait|hang\s+on|thanks|thank\s+you|will\s+do)"
    rf"|(?<![{_FA}])(?:چرا|نمی[\u200c\s]?دونم|صبر|یه\s+لحظه|چی|ممنون|مرسی|چشم)(?![{_FA}])"
    r"|ทำไม|ไม่ทราบ|ไม่รู้|รอสักครู่|เดี๋ยว|อะไร|ขอบคุณ|รับทราบ|แป๊บ|555|ฮ่า|ไหม|มั้ย|หรือเปล่า"
    r"|ยังไง|เท่าไหร่|เท่าไร|กี่|ถ้า"
    r"|\b(?:lol|haha)\b"
    rf"|{FORGETTING}",  # «اسم شما؟» «یادم رفت»: not remembering, no name
    re.IGNORECASE,
)
_FORGETS = re.compile(FORGETTING, re.IGNORECASE)
_ADDRESS_HINT = re.compile(
    r"\d+/\d+|\b(?:street|st|road|rd|avenue|ave|lane|flat|apt|apartment|house|building|block|court"
    r"|close|drive|way|square|unit|floor)\b"
    r"|خیابان|کوچه|پلاک|بلوار|واحد|طبقه|میدان|ถนน|ซอย|หมู่|เลขที่|แขวง|เขต|ตำบล|อำเภอ",
    re.IGNORECASE,
)
_MAX_NAME_WORDS = 4
_MAX_THAI_NAME_CHARS = 30
_MAX_ADDRESS_CHARS = 140
#: An address told by its numbers alone ("12 Elm, 4B") is at least this long.
_MIN_NUMBERED_ADDRESS_CHARS = 12


def _first_sentence(text: str) -> tuple[int, str]:
    stripped = text.strip()
    offset = text.find(stripped)
    end = SENTENCE_END.search(stripped)
    return offset, stripped[: end.start() + 1].rstrip(".!") if end else stripped


def _cleaned_answer(text: str) -> tuple[int, str]:
    offset, sentence = _first_sentence(text)
    lead = _ANSWER_LEAD.match(sentence)
    start = lead.end() if lead else 0
    body = _ANSWER_TAIL.sub("", sentence[start:]).strip()
    return offset + start, body


#: A Thai reply to "your name?" that leads with the name, a pronoun before it perhaps:
#: «ผมณัฐวุฒิ พรหมมาครับ เลขที่จอง …».
_TH_NAME_REPLY = re.compile(
    r"^(?:สวัสดี(?:ครับ|ค่ะ)?\s*)?(?:ผม|ดิฉัน|ฉัน|หนู)?(?:ชื่อ)?"
    # «ใช่ค่ะ สมชาย ใจดี»: a yes is no name (the reply is read as an answer instead)
    rf"(?!{_THAI_REPLY_WORD}(?:{THAI_PARTICLES}|\s|$))"
    r"(?P<name>[\u0e01-\u0e4e]{2,20}?(?:\s(?!ครับ|ค่ะ|คะ|นะ)[\u0e01-\u0e4e]{2,20}?)?)\s?(?=ครับ|ค่ะ|คะ|นะ)"
)


def _takes_back(facts: _Facts, instruction: Instruction) -> bool:
    """Whether ``instruction`` replaces the earlier one of its kind: it says so ("only email
    me", «به جای من …»), or a Thai «ไม่ต้อง … แล้ว» takes back an earlier one that asked for
    what is no longer wanted (not a second instruction whose reason ends in «แล้ว»)."""
    if not instruction.changes:
        return False
    if not no_longer_in_thai(instruction.text):
        return True
    return any(
        no_longer_wants(instruction.text, facts.current(key) or "")
        for key in (instruction.key, *(f"{instruction.key}_{n}" for n in range(2, 6)))
    )


def _for_someone_else(asked: Sequence[Topic]) -> bool:
    """Whether a question asks for the name of someone other than the customer: a
    recipient, a relative, a student or roommate the customer books for, a pet."""
    return any(t.name in _OTHERS_NAMES for t in asked)


#: Topics whose question asks for someone else's name, and the key of that name where it
#: is not the person's (``None``: the caller's own key for another person).
_OTHERS_NAMES: dict[str, str | None] = {
    "recipient": None,
    "someone_else": None,
    "third_person_name": None,
    "pet": "pet_name",
    # «ขอชื่อกับเบอร์เจ้าหน้าที่นิติ», "the building manager's name?"
    "building": "building_contact_name",
}


def _name_asked_key(asked: Sequence[Topic], person_key: str) -> str:
    """The key of the name ``asked`` asks for: the customer's, unless it asks for someone
    else's (``person_key`` for another person, ``pet_name`` for a pet's,
    ``building_contact_name`` for the building office's)."""
    if not _for_someone_else(asked):
        return "customer_name"
    named = (_OTHERS_NAMES.get(t.name) for t in asked)
    return next((key for key in named if key is not None), person_key)


def _thai_name_reply(text: str, asked: Sequence[Topic], facts: _Facts) -> list[FactMatch]:
    if not any(t.name == "name" for t in asked):
        return []
    match = _TH_NAME_REPLY.match(text.strip())
    if match is None or not _looks_like_name(match.group("name")):
        return []
    # «ขอชื่อและเบอร์ภรรยาด้วยค่ะ» → «นางสาวพิมพ์ชนก แสงทอง ครับ»: someone else's name
    key = _name_asked_key(asked, "person_name")
    if any(t.name == "third_person_name" for t in asked):
        # «ขอชื่อ-นามสกุลคุณธนกร»: the one the question names, another person than one held
        key = facts.entity_key(key, match.group("name"), correction=False)
    if facts.current(key) is not None:
        return []
    start = text.find(match.group("name"))
    return [FactMatch(key, match.group("name"), start, start + len(match.group("name")))]


def _thai_reply_names_the_customer(text: str, customer: str | None) -> bool:
    """Whether a Thai reply leads with the customer's given name."""
    match = _TH_NAME_REPLY.match(text.strip())
    return match is not None and is_customers_given_name(match.group("name"), customer)


def _looks_like_name(value: str) -> bool:
    if _has_digit(value) or not value:
        return False
    if re.search(r"[\u0e00-\u0e7f]", value):
        # A Thai name is one run of letters, two with the family name; not who the customer
        # is to someone («ส่งให้พี่ชาย», send it to my brother) nor "myself" («ผมเอง»)
        if _TH_REPLY_NO_NAME.search(value) or _FORGETS.search(value):
            return False  # «ลืมแล้วค่ะ», I forgot: no name
        return len(value) <= _MAX_THAI_NAME_CHARS and value.strip().count(" ") <= 1
    words = value.split()
    if not 1 <= len(words) <= _MAX_NAME_WORDS:
        return False
    # A reply to "your name?" may well be lower case ("tom reyes"), but not a sentence.
    return not any(w.casefold() in _NOT_NAME_WORDS for w in words)


#: A verb that opens a Thai reply, «เอง» (myself), a relation: no part of a name; nor a
#: reply that puts the question off or turns it down («รอแป๊บนะคะ», «ไม่สะดวกบอกค่ะ»). Only
#: «รอ» followed by a word of waiting: «รอมฎอน», «รอฮานี», «รอน» are names.
_TH_REPLY_NO_NAME = re.compile(
    r"^(?:(?:ส่ง|เอา|ขอ)(?:ให้|ไป|มา|ถึง)|ให้|ไม่|รอ\s?(?:แป๊บ|แปป|สักครู่|ซักครู่|ก่อน|เดี๋ยว|นะ|หน่อย)"
    r"|เดี๋ยว|สักครู่|ซักครู่|ขอ(?:ไม่|เวลา))|แป๊บ|ไม่สะดวก|บอก(?:ทีหลัง|ไม่ได้|นะ|ให้)"
    r"|เอง|ลูกชาย|ลูกสาว|พี่ชาย|พี่สาว|น้องชาย|น้องสาว|คุณพ่อ|คุณแม่|ภรรยา|สามี"
)
_NOT_NAME_WORDS = frozenset(
    [
        # "it's me", «خودمم» (yes, that's me): the customer, not a name
        "myself",
        "speaking",
        "خودمم",
        "خودم",
        "خودمه",
        "خودمون",
        "منم",
        "بنده",
        "i",
        "im",
        "i'm",
        "is",
        "are",
        "the",
        "a",
        "an",
        "it",
        "its",
        "it's",
        "my",
        "me",
        "you",
        "your",
        "we",
        "our",
        "and",
        "or",
        "but",
        "not",
        "no",
        "yes",
        "ok",
        "okay",
        "sure",
        "thanks",
        "please",
        "just",
        "one",
        "sec",
        "here",
        "there",
        "what",
        "why",
        "how",
        "when",
        "where",
        # a short acknowledgement is no name ("ok good" after "your name for the board?")
        "good",
        "great",
        "fine",
        "cool",
        "perfect",
        "lovely",
        "brilliant",
        "thx",
        "cheers",
        "bye",
        "noted",
        "sounds",
        # a reply that puts the question off or turns it down ("hold on", "rather not say",
        # «یه لحظه صبر کنید», «ترجیح میدم نگم», «نمیخوام بگم»)
        "wait",
        "hold",
        "later",
        "rather",
        "prefer",
        "صبر",
        "لحظه",
        "ترجیح",
        "بعدا",
        "بعداً",
        "فعلا",
        "فعلاً",
        "بگم",
        "نگم",
        "نمیخوام",
        "نمی‌خوام",
    ]
)


def _same_person(name: str, known: str | None) -> bool:
    """A name given again may be the known one in full ("tom" then "tom reyes"; «مریمه»,
    "it's Maryam" in speech, then «مریم رضایی»), not someone else's."""
    return known is None or bool(name_words(name) & name_words(known))


def _free_text_answer(
    text: str,
    asked: Sequence[Topic],
    bound: set[tuple[str, Kind]],
    found: Sequence[FactMatch],
    facts_name: str | None,
    question: str = "",
    claimed: ClaimedSpans | None = None,
) -> list[FactMatch]:
    """The reply itself as the value of a name, address or product asked for, when
    nothing shaped in it answered the question. A name asked of a relative the question
    names ("your mother's full name?", «اسم همسرتون؟») is that relative's: the mother's
    and the husband's asked in turn are two people, not one recipient put right. A name
    whose words a rule has read already («ชื่อร้านเก่า "…"», an old shop name) is none."""
    keys = {fact.key for fact in found}
    if found:
        return _leading_name(text, asked, found, facts_name)
    if any(name == topic.name for topic in asked for name, _ in bound):
        return []  # the reply's shaped values answered it
    for topic in asked:
        if not topic.free_text:
            continue
        if _NOT_AN_ANSWER.search(text):
            return []
        start, value = _cleaned_answer(text)
        if topic.name == "product" and _PERSIAN.search(value):
            value = value.split("،")[0].strip()  # «شارژر لپتاپ ایسوس مشکی، سیمش زخمیه»
        key = _FREE_TEXT_KEYS[topic.name]
        if topic.name == "name":
            key = _name_asked_key(asked, relation_asked(question) or "recipient_name")
        if topic.name == "name" and not _plausible("name", value):
            value = _name_clause(value)  # "Dana Whitfield, from Brightwave Analytics"
        if key in keys or not _plausible(topic.name, value):
            continue
        if topic.name == "name" and claimed and not claimed.is_free(start, start + len(value)):
            continue
        if key == "customer_name" and not _same_person(value, facts_name):
            continue
        bound.add((topic.name, Kind.ADDRESS))
        return [FactMatch(key, value, start, start + len(value))]
    return []


def _leading_name(
    text: str, asked: Sequence[Topic], found: Sequence[FactMatch], facts_name: str | None
) -> list[FactMatch]:
    """A name asked for that leads a reply of other details ("Carla Moreno, I don't know
    her ID, her phone is 312-555-0177"): the clause before the first comma, or before the
    first value found in it ("Sara Ahmadi 07700 900123", «سارا احمدی 0912…»)."""
    if not any(topic.name == "name" for topic in asked) or _NOT_AN_ANSWER.match(text.strip()):
        return []
    start, value = _cleaned_answer(text)
    clause = _name_clause(value)
    start += max(value.find(clause), 0)  # "Brightwave Analytics, Dana Whitfield speaking"
    value_at = min(
        (f.start for f in found if _a_contact(f) and start < f.start < start + len(clause)),
        default=None,
    )
    if value_at is not None:
        clause = text[start:value_at].rstrip(_BEFORE_A_VALUE)
        if next(topics_named(clause), None) is not None or _one_lower_case_word(clause):
            return []  # the label of the value after it («شمارم 0912…», «เบอร์ 081-…»), "about"
    if clause == value or not clause or any(f.start < start + len(clause) for f in found):
        return []
    key = _name_asked_key(asked, "recipient_name")
    if not _looks_like_name(clause) or any(f.key == key for f in found):
        return []
    if key == "customer_name" and not _same_person(clause, facts_name):
        return []
    return [FactMatch(key, clause, start, start + len(clause))]


def _a_contact(found: FactMatch) -> bool:
    """A phone or an email: what a name reply may go on with on its line (not another
    name: «เด็กชายภูมิ …» is a title before the child's name)."""
    return found.key.endswith(("_phone", "_email"))


def _one_lower_case_word(text: str) -> bool:
    """ "about" before "4 kilos": one Latin word in lower case names no one."""
    return text.isascii() and " " not in text.strip() and text.strip().islower()


#: What may stand between a name and the phone or email after it: "Tom Reed - tom@…".
_BEFORE_A_VALUE = " \t-–—:,،/|"


def _name_clause(value: str) -> str:
    """The clause of a name reply that is the name, where the reply goes on after a comma
    or a line break ("Dana Whitfield, from Brightwave Analytics", «سارا احمدی» then the
    phone on the next line, «ต้นกล้า, 093-…»): a company's name opening the reply gives the
    next clause ("Brightwave Analytics, Dana Whitfield speaking"), and a reply that opens
    with someone else («به اسم همسرم، …», "for my mum, …") names no customer at all."""
    for clause in re.split(r"[,،\n]", value):
        clause = _SPEAKING.sub("", clause.strip())
        if _SOMEONE_ELSE.search(clause):
            return ""
        if clause and not _COMPANY.search(clause):
            return clause
    return ""


#: "Dana Whitfield speaking": the name without the word that says it is hers.
_SPEAKING = re.compile(r"\s+(?:speaking|here)$", re.IGNORECASE)
#: A company's name, not a person's: «บริษัท …», «شرکت …», "… Ltd", "… Analytics".
_COMPANY = re.compile(
    r"^(?:บริษัท|ห้าง|ร้าน|شرکت)"
    r"|\b(?:ltd|limited|inc|llc|plc|gmbh|group|company|analytics|solutions|services|consulting"
    r"|technologies|agency)\.?$",
    re.IGNORECASE,
)
#: A reply that names whom the booking is for or in whose name: «به اسم همسرم», «برای مادرم
#: میخوام», "for my mum", «ให้แม่»: the name after it is not the customer's.
_SOMEONE_ELSE = re.compile(
    r"(?:^|\s)(?:به\s+اسم|برای|واسه)\s|می\u200c?خوام|(?<![\w\u200c])(?:همسر|مادر|پدر|شوهر|خانم|دختر|پسر"
    r"|برادر|خواهر)م(?![\w\u200c])|\b(?:for|in)\s+my\s+\w+|^(?:ให้|ของ)(?:แม่|พ่อ|สามี|ภรรยา|ลูก|พี่|น้อง)",
    re.IGNORECASE,
)


_FREE_TEXT_KEYS = {
    "name": "customer_name",
    "address": "delivery_address",
    "moving_to": "moving_to_address",
    "product": "product",
    "fault": "reported_fault",
    "occupation": "occupation",
}
#: A fault told in the customer's words is a clause, not a novel.
_MAX_FAULT_CHARS = 120
_MIN_THAI_CLAUSE = 10
_MAX_PRODUCT_WORDS = 6


#: Replies that confirm rather than answer ("yes, that's the one"): the value stays as it is.
_CONFIRMATION = re.compile(
    rf"^(?:{alternation(ENGLISH_YES | PERSIAN_YES | THAI_YES)}"
    r"|that'?s\s+(?:it|the\s+one|right|correct)|correct|exactly|right|that\s+one"
    r"|همونه|همینه|درسته|دقیقا|دقیقاً|ถูกต้อง|ตัวนี้(?:แหละ)?|อันนี้)\b",
    re.IGNORECASE,
)
#: A short reply that points back to what is known ("same company", "the same as before",
#: «همون قبلی», "เหมือนเดิมค่ะ"): a confirmation too. A longer one tells something new
#: ("Same issue as last week, the internet keeps dropping every evening").
_POINTS_BACK = re.compile(
    r"^(?:(?:the\s+)?same|as\s+before|همون|همین|همان|เหมือนเดิม|อันเดิม|ที่เดิม|คนเดิม)\b"
    r"(?:\s*[^\s,،.]+){0,3}\s*[.!]?$",
    re.IGNORECASE,
)


def _plausible(topic: str, value: str) -> bool:
    if not value or _CONFIRMATION.match(value) or _POINTS_BACK.match(value.strip()):
        return False
    if topic == "name":
        return _looks_like_name(value)
    if topic == "fault":
        # Thai writes a clause with no spaces: its length says it is one
        clause = len(value.split()) >= 2 or (is_thai(value) and len(value) >= _MIN_THAI_CLAUSE)
        return clause and len(value) <= _MAX_FAULT_CHARS
    if topic in ("address", "moving_to"):
        # a house number alone is not enough: "ให้ 5 ดาว" (five stars) has a digit too; nor
        # a day and an hour ("Thursday 1-3pm", «พฤหัส 13:00-15:00» for a pickup slot)
        numbered = _has_digit(_without_moments(value)) and len(value) >= _MIN_NUMBERED_ADDRESS_CHARS
        hinted = _ADDRESS_HINT.search(value) is not None
        return len(value) <= _MAX_ADDRESS_CHARS and (hinted or numbered)
    return (
        0 < len(value.split()) <= _MAX_PRODUCT_WORDS
        and len(value) <= 60
        and not _CLAUSE_WORDS & set(value.casefold().split())
        and _THAI_CLAUSE.search(value) is None
        and not (topic == "product" and _THAI_NOT_A_PRODUCT.search(value))
    )


def _without_moments(text: str) -> str:
    """``text`` without the times of day and the weekdays in it. A day and a month stay:
    they name streets and squares («فلکه ۱۵ خرداد», "1 May Gardens")."""
    for span in sorted(find_values(text), key=lambda s: s.start, reverse=True):
        weekday_or_slot = span.kind is Kind.DATE and (
            span.time is not None or not _has_digit(span.text)
        )
        if span.kind is Kind.TIME or weekday_or_slot:
            text = text[: span.start] + text[span.end :]
    return text


def _has_digit(text: str) -> bool:
    return any(char.isdigit() for char in text)


#: Words that make a reply a clause, not the name of a thing: "thank God", «خدا رو شکر»,
#: «از پریروز اینجوری شده» ("it's been like this since the day before yesterday").
_CLAUSE_WORDS = frozenset(
    {"god", "goodness", "been", "since", "this", "that", "was", "is", "it", "still", "like"}
    | (PERSIAN_STOP_WORDS - {"یه", "یک", "و"})
    | {"خدا", "شکر", "خداروشکر", "خدارو", "اینجوری", "اونجوری", "همینطوری", "پریروز", "دیروز"}
    | {"امروز"}
)
#: The same in Thai, written without spaces: "since", "it", "already", "thank".
_THAI_CLAUSE = re.compile(r"ตั้งแต่|เป็นแบบนี้|แบบนี้|มัน|แล้ว|ขอบคุณ|พระเจ้า|โชคดี|เมื่อวาน")
#: A Thai reply that says how a thing is rather than which it is: "but", "there is no", a
#: polite particle with more said after it («สีถูกครับ สวยจริงด้วย แต่…»): no product's name.
_THAI_NOT_A_PRODUCT = re.compile(r"แต่(?!ง)|ไม่มี|(?:ครับ|ค่ะ)\s+\S")
