"""The conversations ``memq demo`` plays: one support chat each in English, Persian and Thai.

Written the way customers and agents talk, so that the offline engine has
something to remember: a name, an order number corrected once, a product, a
phone number, an address.
"""

from __future__ import annotations

from dataclasses import dataclass

Turn = tuple[str, str]  # (role, content)


@dataclass(frozen=True)
class Conversation:
    session_id: str
    language: str
    user_id: str
    turns: list[Turn]


CONVERSATIONS = [
    Conversation(
        "demo-en",
        "English",
        "sara",
        [
            ("user", "Hi, I am Sara Kim. My Nanopresso stopped pumping after two weeks."),
            ("assistant", "Sorry to hear that, Sara. Could you share your order number?"),
            ("user", "Sure, it's ORD-48213."),
            ("assistant", "I can't find ORD-48213. Could you check it again?"),
            ("user", "Oops, typo. It's ORD-48231."),
            (
                "assistant",
                "Found it: one Nanopresso, delivered on 2 November. It is under warranty.",
            ),
            ("user", "Great. Can you send a replacement?"),
            ("assistant", "Yes. What's the best number to reach you?"),
            ("user", "07700 900123"),
            ("assistant", "And the delivery address?"),
            ("user", "14 Baker Street, London NW1 6XE"),
            ("assistant", "Done: a replacement ships tomorrow to 14 Baker Street."),
        ],
    ),
    Conversation(
        "demo-fa",
        "Persian",
        "reza",
        [
            ("user", "سلام، من رضا احمدی هستم. گوشی که خریدم روشن نمیشه."),
            ("assistant", "سلام رضا جان، متاسفم. شماره سفارشتون رو لطف می‌کنید؟"),
            ("user", "بله، ۷۳۰۵۹۲"),
            ("assistant", "با این شماره سفارشی پیدا نمیشه. یه بار دیگه چک کنید؟"),
            ("user", "وای ببخشید، اشتباه تایپ کردم. ۷۳۰۹۵۲ درسته"),
            ("assistant", "پیدا شد: گوشی سامسونگ A55، هنوز گارانتی داره."),
            ("user", "می‌تونید عوضش کنید؟"),
            ("assistant", "بله. شماره تماستون چیه؟"),
            ("user", "۰۹۱۲۳۴۵۶۷۸۹"),
            ("assistant", "آدرس تحویل رو هم بفرمایید."),
            ("user", "تهران، خیابان ولیعصر، پلاک ۱۲"),
            ("assistant", "ثبت شد. گوشی جدید فردا به تهران ارسال میشه."),
        ],
    ),
    Conversation(
        "demo-th",
        "Thai",
        "nok",
        [
            ("user", "สวัสดีค่ะ ดิฉันชื่อนก สุขใจ ค่ะ หูฟังที่ซื้อไปเสียงไม่ออกข้างซ้ายค่ะ"),
            ("assistant", "ขออภัยในความไม่สะดวกค่ะ รบกวนขอหมายเลขคำสั่งซื้อด้วยค่ะ"),
            ("user", "TH2024118833 ค่ะ"),
            ("assistant", "ขออภัยค่ะ ไม่พบหมายเลขนี้ในระบบ"),
            ("user", "ขอโทษค่ะ พิมพ์ผิด ที่ถูกคือ TH2024118838 ค่ะ"),
            ("assistant", "พบแล้วค่ะ หูฟัง Sony WF-1000XM5 ยังอยู่ในประกันค่ะ"),
            ("user", "เปลี่ยนเครื่องใหม่ได้ไหมคะ"),
            ("assistant", "ได้ค่ะ ขอเบอร์โทรติดต่อด้วยค่ะ"),
            ("user", "081 234 5678 ค่ะ"),
            ("assistant", "ที่อยู่สำหรับจัดส่งด้วยค่ะ"),
            ("user", "99 ถนนสุขุมวิท กรุงเทพฯ 10110"),
            ("assistant", "เรียบร้อยค่ะ จะจัดส่งเครื่องใหม่พรุ่งนี้ค่ะ"),
        ],
    ),
]
