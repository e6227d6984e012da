"""The risky-wording checker, category by category: what it flags, what it leaves alone."""

from __future__ import annotations

import pytest

from desktop.core.risk import RiskChecker, build_checker, checker_for_settings
from desktop.core.risk_loader import load_rules
from desktop.core.risk_model import Advice, Finding
from desktop.core.risk_rules import RiskRuleError, UnknownPlatform
from desktop.resources import risk_rules_dir

RULES = risk_rules_dir()


@pytest.fixture(scope="module")
def book():
    return load_rules(RULES)


@pytest.fixture(scope="module")
def taobao(book) -> RiskChecker:
    return RiskChecker(book, "taobao")


@pytest.fixture(scope="module")
def jd(book) -> RiskChecker:
    return RiskChecker(book, "jd")


def categories(checker: RiskChecker, text: str) -> set[str]:
    return {f.category for f in checker.check(text)}


# Lines agents write all day: none of them may raise anything.
CLEAN = [
    "最近发货",
    "第一次购买",
    "保证金",
    "订单号1234567890123456",
    "不保证",
    "一定要先验货",
    "微信支付退款",
    "亲，我们最晚明天发货哦",
    "最多可以优惠5元",
    "第一时间给您处理",
    "保修一年，质保期内免费换新",
    "快递时效我们也无法保证哦",
    "不一定今天能发出",
    "请一定要先验货再签收",
    "亲，退款会原路退回您的微信零钱",
    "可以用微信支付吗",
    "快递单号：SF1234567890123",
    "商品ID 654321987654",
    "亲，发京东快递可以吗",
    "您好，旺旺上联系您了",
    "打开手机淘宝搜索店铺名即可",
    "最好先量一下尺寸",
    "亲，加急处理中",
    "麻烦留一下您的收货电话，方便快递联系",
    "请保持手机畅通",
    "亲，第一件半价",
    "亲亲 这个是百分百纯棉的",
    "拒绝，对不起",
    "价格方面也有一定优惠",
    "这是最便宜了吗",
    "有保证吗",
    "保证不了哦亲",
    "看得出您很注重品质，相信您会觉得物有所值",
    "我们不接受任何私下转账",
    "抱歉，我们不能接收和打开文件",
    "一二三四五六七",
    "Sorry, we can't guarantee the delivery date.",
    "Thanks for your patience, best regards!",
    "We will do our best.",
    "The order number is 1234567890123456.",
    "You can track the package on https://item.taobao.com/item.htm?id=1",
]


@pytest.mark.parametrize("text", CLEAN)
def test_clean_lines_raise_nothing(taobao, text):
    assert taobao.check(text) == []


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("我们保证正品", "promise-guarantee"),
        ("保證明天到", "promise-guarantee"),  # traditional characters
        ("保 - 证明天到", "promise-guarantee"),  # noise between the characters
        ("这个绝对是正品", "promise-absolute"),
        ("絕對不會褪色", "promise-absolute"),
        ("百分之百过两天有物流", "promise-absolute"),
        ("100%好评", "promise-percent"),
        ("１００％正品", "promise-percent"),  # full-width
        ("假一赔十", "promise-compensation"),
        ("一定的", "promise-certain"),
        ("质量有保证", "promise-quality-assurance"),
        ("We guarantee delivery", "promise-guarantee"),
        ("It's GUARANTEED to fit", "promise-guarantee"),
        ("I definitely will", "promise-certain"),
    ],
)
def test_promises(taobao, text, rule):
    assert rule in {f.rule for f in taobao.check(text)}


@pytest.mark.parametrize(
    "text",
    [
        "不保证",
        "不能保证",
        "没法保证",
        "无法保证",
        "不一定",
        "不敢保证",
        "不能百分百保证",
        "第一次购买不保证一定有赠品",
        "我们不承诺一定包邮",
        "保证不了",
        "一定要先验货",
        "请一定检查",
        "请您务必保证信息真实",
        "We can't guarantee it",
        "cannot be guaranteed",
        "it is not guaranteed",
        "有保证吗",
        "能保证吗？",
    ],
)
def test_negated_imperative_or_asked_is_not_a_promise(taobao, text):
    assert "promise" not in categories(taobao, text)


@pytest.mark.parametrize(
    ("text", "severity"),
    [
        ("这是全网最低价了", "block"),
        ("我们是行业第一品牌", "block"),
        ("我们的产品是国家级认证", "block"),
        ("这个效果最好了", "block"),
        ("全网第一", "block"),
        ("No.1 seller", "block"),
        ("number one in the world", "block"),
        ("亲价格最低了", "warn"),
        ("已经是最优惠的价格了", "warn"),
        ("the cheapest you will find", "warn"),
    ],
)
def test_extreme_words(taobao, text, severity):
    found = [f for f in taobao.check(text) if f.category == "extreme"]
    assert found and found[0].severity == severity


@pytest.mark.parametrize(
    "text",
    [
        "最近",
        "最后一步",
        "最多",
        "最晚",
        "最新消息",
        "第一次",
        "第一时间",
        "降到最低",
        "最好分开买",
        "力气最小",
        "最低价多少一支",
        "不是最低价",
        "Best regards",
        "do our best",
        "top10 list",
    ],
)
def test_extreme_look_alikes_are_clean(taobao, text):
    assert "extreme" not in categories(taobao, text)


@pytest.mark.parametrize(
    "text",
    [
        "加我V❤：wx1 2 3 4 5",
        "加我微信",
        "你的qq多少",
        "wx号多少呢",
        "亲亲您的微信号交什么叫什么",
        "添加小店微信号tealove2015",
        "好的呢麻烦您给一下微-信号哦",
        "呀 加个微信呗",
        "微信能给我吗",
        "加 我 薇 信",
        "V:abc12345",
        "vx同号",
        "➕V 13800138000",
        "加我扣扣①②③④⑤⑥",
        "扣扣：①③⑧⓪⓪①③⑧⓪⓪⓪",
        "QQ:壹贰叁肆伍陆柒",
        "企鹅号 幺两三四五六",
        "🐧 ❶❷❸❹❺❻",
        "我的电话是1️⃣3️⃣8️⃣1️⃣2️⃣3️⃣4️⃣5️⃣6️⃣7️⃣8️⃣",
        "加我 13812345678",
        "微 信 号：abc_123",
        "微信号 a b c 1 2 3 4",
        "进群领优惠券，群号 123456789",
        "扫码加我好友",
        "亲可以加我钉钉",
        "私下转账给你打个折",
        "用支付宝转账给我就行",
        "不走平台的话可以便宜",
        "那您直接在微信上问一下呢",
        "Add me on WhatsApp: +1 555 123 4567",
        "Email me at john.doe@gmail.com for a better price",
        "my email is abc[at]gmail[dot]com",
        "WhatsApp me",
        "Pay me directly and I'll give you a discount",
    ],
)
def test_contact_requests_and_disguises(taobao, text):
    assert "contact" in categories(taobao, text)


@pytest.mark.parametrize(
    "text",
    [
        "订单号1234567890123456",
        "1234567890123456",
        "547197993960",
        "百世快递70108703183875这个是您的包裹单号",
        "微信支付退款",
        "微信零钱[数字x]-[数字x]工作日",
        "QQ钱包是3-5天",
        "您这边今天关注下快递会打您电话的",
        "希望快递快点打我电话",
        "留的电话号码可以改吗",
        "等。我去微信看一下",
        "钱大概什么时候可以退到我的微信?",
        "我们不能加微信哦，有问题直接在这里留言",
        "电话手表可以给手机打电话",
        "一定要先验货",
        "我的工号是1023",
    ],
)
def test_contact_look_alikes_are_clean(taobao, text):
    assert "contact" not in categories(taobao, text)


def test_a_contact_finding_covers_the_whole_disguised_request(taobao):
    text = "亲，加我V❤：wx1 2 3 4 5 哦"
    [finding] = taobao.check(text)
    assert finding.match == "加我V❤：wx1 2 3 4 5"
    assert finding.severity == "block"
    assert finding.suggest == "jjwx"


def test_official_channels_are_not_contact(book):
    text = "售后电话 400-820-1234"
    assert "contact" in categories(RiskChecker(book, "taobao"), text)
    assert "contact" not in categories(RiskChecker(book, "taobao", official_channels=["400-820-1234"]), text)


def test_redacted_identifiers_only_warn(jd):
    [finding] = jd.check("QQ:[数字x]")
    assert (finding.category, finding.severity) == ("contact", "warn")


@pytest.mark.parametrize(
    ("text", "platform", "expected"),
    [
        ("去拼多多买吧", "taobao", "block"),
        ("拼多多上更便宜", "taobao", "block"),
        ("来我抖音直播间下单", "taobao", "block"),
        ("闲鱼上有卖", "jd", "block"),
        ("淘宝都可以换地址啊", "jd", "warn"),
        ("天猫都是这么规定的", "jd", "warn"),
        ("天猫都是这么规定的", "taobao", None),
        ("天猫都是这么规定的", "tmall", None),
        ("那我找淘宝申诉吧", "taobao", None),
        ("京东都是自营仓库发货", "jd", None),
        ("亲，发京东快递可以吗", "taobao", None),
        ("京东物流给您配送", "pdd", None),
        ("Pay via PayPal", "taobao", "block"),
    ],
)
def test_platform_depends_on_the_home_platform(book, text, platform, expected):
    found = [f for f in RiskChecker(book, platform).check(text) if f.category == "platform"]
    assert (found[0].severity if found else None) == expected


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("打开 taobao-xx.top 登录", "link-lookalike"),
        ("你访问 www.tao-bao.xyz 领红包", "link-lookalike"),
        ("http://taobao.com.verify-login.top/a", "link-lookalike"),
        ("http://bit.ly/abc", "link-short"),
        ("点这个 t.cn/A6xyz 看看", "link-short"),
        ("hxxp://evil.com", "link-disguised"),
        ("打开 abc点com 看看", "link-disguised"),
        ("192.168.1.1/login", "link-ip"),
        ("看看 https://example.com/page", "link-url"),
        ("https://item.jd.com/123.html", "link-other-platform"),
        ("照片.jpg.exe", "link-executable"),
        ("setup.exe", "link-executable"),
        ("资料.zip 你解压看看", "link-archive"),
        ("下载ToDesk", "link-remote-control"),
        ("安装一下向日葵远程，我帮你看看", "link-remote-control"),
        ("你把验证码发我一下", "link-verification-code"),
        ("Please send me the verification code you received", "link-verification-code"),
        ("品牌官方网站:[链接x]", "link-redacted-site"),
    ],
)
def test_links_and_files(taobao, text, rule):
    assert rule in {f.rule for f in taobao.check(text)}


def test_share_tokens_depend_on_the_home_platform(book):
    text = "￥AbCd1234￥ 复制这条信息打开手机淘宝"
    assert "link" not in categories(RiskChecker(book, "taobao"), text)
    assert "link" in categories(RiskChecker(book, "jd"), text)


def test_home_and_official_domains_are_fine(book):
    assert RiskChecker(book, "jd").check("https://item.jd.com/123.html") == []
    assert RiskChecker(book, "taobao", official_domains=["myshop.com"]).check("see myshop.com/help") == []


@pytest.mark.parametrize(
    "text", ["这个链接包邮吗", "发了你把差价链接给我", "拍下后72小时内发货", "3.5kg", "v1.2"]
)
def test_link_look_alikes_are_clean(taobao, text):
    assert "link" not in categories(taobao, text)


def test_finding_fields(taobao):
    text = "亲，加我微信吧"
    [f] = taobao.check(text)
    assert isinstance(f, Finding) and isinstance(f.advice, Advice)
    assert text[f.start : f.end] == f.match == "加我微信"
    assert f.category == "contact" and f.rule == "contact-im-ask"
    assert "微信" in f.advice_for("zh_CN") and "WeChat" in f.advice_for("en")
    data = f.to_json("en")
    assert set(data) == {"category", "severity", "start", "end", "match", "rule", "advice", "suggest"}
    assert data["advice"] == f.advice.en


def test_findings_are_sorted_and_categories_kept_apart(taobao):
    found = taobao.check("保证明天到，加我微信，全网最低价")
    assert [f.category for f in found] == ["promise", "contact", "extreme"]
    assert [f.start for f in found] == sorted(f.start for f in found)


def test_suggest_code_follows_the_pack_locale(book):
    assert RiskChecker(book, "taobao", locale="en").check("add me on WhatsApp")[0].suggest == "offplatform"
    assert RiskChecker(book, "taobao", locale="zh_CN").check("点这个 http://t.cn/abc")[0].suggest == "jjlj"


def test_staff_words_and_allow_words(book):
    checker = RiskChecker(
        book,
        "taobao",
        extra_words=[("秒发", "promise", "warn"), ("神{器|品}", "extreme", "block")],
        allow=["绝对值"],
    )
    found = {f.match: (f.category, f.severity, f.rule) for f in checker.check("秒 发的神器")}
    assert found == {
        "秒 发": ("promise", "warn", "custom-promise"),
        "神器": ("extreme", "block", "custom-extreme"),
    }
    assert checker.check("误差的绝对值很小") == []


def test_an_unusable_staff_word_is_named(book):
    with pytest.raises(RiskRuleError) as exc:
        RiskChecker(book, "taobao", extra_words=[("，", "promise", "warn")])
    assert "，" in str(exc.value)


def test_an_unusable_allow_word_is_skipped(book):
    checker = RiskChecker(book, "taobao", allow=["，", "", "绝对值"])
    assert checker.check("绝对值") == [] and checker.check("绝对正品")


def test_an_unknown_platform_is_refused(book):
    with pytest.raises(UnknownPlatform) as exc:
        RiskChecker(book, "amazon")
    assert "amazon" in str(exc.value)


def test_checker_for_settings_uses_the_shop_settings():
    class Settings:
        platform = "jd"
        locale = "en"
        risk_extra_words = [{"word": "秒发", "category": "promise", "severity": "block"}]
        risk_allow_words: list[str] = []
        official_channels = ["400-820-1234"]
        official_domains: list[str] = []

    checker = checker_for_settings(Settings(), RULES)
    assert checker.platform == "jd"
    assert [f.rule for f in checker.check("秒发，淘宝上买")] == ["custom-promise", "platform-deal-elsewhere"]
    assert checker.check("客服热线 400-820-1234") == []


@pytest.mark.parametrize(
    "text",
    [
        "",
        "\ud800",
        "a\udfffb加我微信\ud800",
        "\x00\x01\x1b[31m",
        "😀" * 500,
        "加" * 10_000,
        "\u200b" * 50 + "微\u200b信",
        "①" * 3000,
        "﷽" * 100,
        "ﬀ" * 100 + "保证",
    ],
)
def test_never_raises(taobao, text):
    for f in taobao.scan(text):
        assert text[f.start : f.end] == f.match


def test_build_checker_loads_and_compiles():
    checker = build_checker(RULES, "tmall")
    assert checker.check("天猫") == []
