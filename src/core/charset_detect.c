/* charset_detect: guessing whether imported bytes are UTF-8, CP932 or
 * GB18030, by walking the bytes in both double-byte structures and scoring
 * how plausible the resulting Japanese or Chinese text is. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <iconv.h>
#include <string.h>

#include "charset.h"
#include "i18n.h"
#include "text.h"
#include "xalloc.h"

#define SAMPLE_MAX 65536
#define BAD (-10)

/* GB2312 row/cell of the first level-1 hanzi and the size of the table. */
#define GB_LEAD0 0xB0
#define GB_ROWS (0xF7 - 0xB0 + 1)
#define GB_CELLS 94

/* About a thousand of the most frequent hanzi in Chinese text and bank
 * statements: mis-decoded Japanese half-width kana pairs land on GB2312
 * hanzi uniformly, real Chinese text mostly on these. */
static const char common_hanzi[] =
	"的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于"
	"着下自之年过发后作里用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还"
	"进好小部其些主样理心她本前开但因只从想实日军者意无力它与长把机十民第公此已工使情"
	"明性知全三又关点正业外将两高间由问很最重并物手应战向头文体政美相见被利什二等产或"
	"新己制身果加西斯月话合回特代内信表化老给世位次度门任常先海通教儿原东声提立及比员"
	"解水名真论处走义各入几口认条平系气题活尔更别打女变四神总何电数安少报才结反受目太"
	"量再感建务做接必场件计管期市直德资命山金指克许统区保至队形社便空决治展马科司五基"
	"眼书非则听白却界达光放强即像难且权思王象完设式色路记南品住告类求据程北边死张该交"
	"规万取拉格望觉术领共确传师观清今切院让识候带导争运笑飞风步改收根干造言联持组每济"
	"车亲极林服快办议往元英士证近失转夫令准布始怎呢存未远叫台单影具罗字爱击流备兵连调"
	"深商算质团集百需价花党华城石级整府离况亚请技际约示复病息究线似官火断精满支视消越"
	"器容照须九增研写称企八功吗包片史委乎查轻易早曾除农找装广显吧阿李标谈吃图念六引历"
	"首医局突专费号尽另周较注语仅考落青随选列武红响虽推势参希古众构房半节土投某案黑维"
	"革划敌致陈律足态护七兴派孩验责营星够章音跟志底站严巴例防族供效续施留讲型料终答紧"
	"黄绝奇察母京段依批群项故按河米围江织害斗双境客纪采举杀攻父苏密低朝友诉止细愿千值"
	"仍男钱破网热助倒育属坐帝限船脸职速刻乐否刚威毛状率甚独球般普怕弹校苦创假久错承印"
	"晚兰试股拿脑预谁益阳若哪微尼继送急血惊伤素药适波夜省初喜卫源食险待述陆习置居劳财"
	"环排福纳欢雷警获模充负云停木游龙树疑层冷洲冲射略范竟句室异激汉村哈策演简卡罪判担"
	"州静退既衣您宗积余痛检差富灵协角占配征修皮挥胜降阶审沉坚善银买养执副追帮宣航优香"
	"著田铁控税左右份艺背户洋款靠评版宝座释景顾货互付换核介序升监临域沙编测败梦封贵缺"
	"楼县尚移智短固席松秘谢康均销钟藏票损端探湖录叶春乡附予港板庭归含顺输招补督油材笔"
	"鲜择厂博授伦岸卖载健堂借禁园荣牙顶玉镇午练馆础牛宁纸训私庄丝森访典盘扩稳亿徒杨齐"
	"赛迎冰析购替途绿套贸毕谷轮库街促延震甲伟申售灯针络抵植纯页杰筑折郑吴秀振盛圆措姓"
	"秋培诚宽宇摆梅盟丁赵操订彩汇币丰蓝献译汽距符课召厅巧侧韩债融惯享乘奖绍厚障讯签牌"
	"菜庆茶季仪珠驻孔宜桥寒潮粮缩聚径灰映泰启暂估偿横瑞码津署壁旗甘凭租仓账额贷摘储蓄"
	"浦邮咨询圳杭厦岛沈肥昆滨";

struct hanzi_set {
	unsigned char bits[(GB_ROWS * GB_CELLS + 7) / 8];
};

static bool
gb_hanzi_index(unsigned char lead, unsigned char trail, size_t *idx)
{
	if (lead < GB_LEAD0 || lead > 0xF7 || trail < 0xA1 || trail > 0xFE)
		return false;
	*idx = (size_t)(lead - GB_LEAD0) * GB_CELLS + (size_t)(trail - 0xA1);
	return true;
}

/* Mark the GB2312 codes of common_hanzi (left empty if iconv cannot). */
static void
hanzi_set_build(struct hanzi_set *hs)
{
	char gb[sizeof(common_hanzi)];
	char *ip = unconst(common_hanzi), *op = gb;
	size_t inleft = sizeof(common_hanzi) - 1, outleft = sizeof(gb), i, idx;
	iconv_t cd = iconv_open("GB18030", "UTF-8");

	memset(hs, 0, sizeof(*hs));
	if (cd == (iconv_t)-1)
		return;
	iconv(cd, &ip, &inleft, &op, &outleft);
	iconv_close(cd);
	for (i = 0; i + 1 < (size_t)(op - gb); i += 2)
		if (gb_hanzi_index((unsigned char)gb[i], (unsigned char)gb[i + 1], &idx))
			hs->bits[idx / 8] |= (unsigned char)(1u << (idx % 8));
}

static bool
hanzi_common(const struct hanzi_set *hs, unsigned char lead, unsigned char trail)
{
	size_t idx;

	return gb_hanzi_index(lead, trail, &idx) && (hs->bits[idx / 8] >> (idx % 8) & 1);
}

/* Half-width katakana byte b after the half-width kana byte prev (0: none). */
static int
cp932_kana_score(unsigned char b, unsigned char prev)
{
	bool voiceable = prev == 0xB3 || (prev >= 0xB6 && prev <= 0xC4) ||
			 (prev >= 0xCA && prev <= 0xCE);

	if ((b >= 0xB1 && b <= 0xDD) || b == 0xA6)
		return 2;
	if (b == 0xB0)
		return prev ? 1 : -2;
	if (b == 0xDE)
		return voiceable ? 5 : -4;
	if (b == 0xDF)
		return prev >= 0xCA && prev <= 0xCE ? 5 : -4;
	if (b >= 0xA7 && b <= 0xAF)
		return -3;
	return -2;
}

static int
cp932_pair_score(unsigned lead, unsigned trail)
{
	unsigned code = lead << 8 | trail;

	if ((code >= 0x829F && code <= 0x82F1) || (code >= 0x8340 && code <= 0x8396))
		return 4;
	if (lead == 0x81)
		return 1;
	if (code >= 0x889F && code <= 0x9872)
		return 3;
	if ((code >= 0x989F && code <= 0xEAA4) || (lead >= 0xFA && lead <= 0xFC))
		return 1;
	if (lead == 0x87 || lead == 0xED || lead == 0xEE)
		return 0;
	if (lead >= 0xF0 && lead <= 0xF9)
		return -4;
	return -3;
}

static bool
cp932_lead(unsigned char b)
{
	return (b >= 0x81 && b <= 0x9F) || (b >= 0xE0 && b <= 0xFC);
}

static long
score_cp932(const unsigned char *s, size_t n)
{
	unsigned char prev = 0;
	long score = 0;
	size_t i = 0;

	while (i < n) {
		unsigned char b = s[i];

		if (b >= 0xA1 && b <= 0xDF) {
			score += cp932_kana_score(b, prev);
			prev = b;
			i++;
			continue;
		}
		prev = 0;
		if (b < 0x80) {
			i++;
		} else if (cp932_lead(b) && i + 1 < n && s[i + 1] >= 0x40 && s[i + 1] != 0x7F &&
			   s[i + 1] <= 0xFC) {
			score += cp932_pair_score(b, s[i + 1]);
			i += 2;
		} else {
			score += BAD;
			i++;
		}
	}
	return score;
}

static int
gb_pair_score(const struct hanzi_set *hs, unsigned char lead, unsigned char trail)
{
	if (lead >= 0xB0 && lead <= 0xF7 && trail >= 0xA1)
		return (lead <= 0xD7 ? 3 : 1) + (hanzi_common(hs, lead, trail) ? 2 : 0);
	if (lead >= 0xA1 && lead <= 0xA9 && trail >= 0xA1)
		return 1;
	return -1;
}

static bool
gb_digit(unsigned char b)
{
	return b >= 0x30 && b <= 0x39;
}

static long
score_gb18030(const unsigned char *s, size_t n, const struct hanzi_set *hs)
{
	long score = 0;
	size_t i = 0;

	while (i < n) {
		unsigned char b = s[i];

		if (b < 0x80) {
			i++;
		} else if (b == 0x80 || b == 0xFF || i + 1 >= n) {
			score += BAD;
			i++;
		} else if (gb_digit(s[i + 1])) {
			bool ok = i + 3 < n && s[i + 2] >= 0x81 && s[i + 2] <= 0xFE &&
				  gb_digit(s[i + 3]);

			score += ok ? -3 : BAD;
			i += ok ? 4 : 1;
		} else if (s[i + 1] >= 0x40 && s[i + 1] != 0x7F && s[i + 1] != 0xFF) {
			score += gb_pair_score(hs, b, s[i + 1]);
			i += 2;
		} else {
			score += BAD;
			i++;
		}
	}
	return score;
}

/* The byte-order mark of UTF-32 or UTF-16 that in starts with, or NULL. */
static const char *
unicode_bom(const char *in, size_t n)
{
	static const struct {
		const char *mark, *name;
		size_t len;
	} boms[] = { /* UTF-32LE first: its mark starts with UTF-16LE's */
		{ "\xFF\xFE\0\0", "UTF-32LE", 4 }, { "\0\0\xFE\xFF", "UTF-32BE", 4 },
		{ "\xFF\xFE", "UTF-16LE", 2 }, { "\xFE\xFF", "UTF-16BE", 2 },
	};

	for (size_t i = 0; i < sizeof boms / sizeof boms[0]; i++)
		if (n >= boms[i].len && memcmp(in, boms[i].mark, boms[i].len) == 0)
			return boms[i].name;
	return NULL;
}

enum ur_status
charset_refuse_unicode(const char *in, size_t n, struct ur_err *err)
{
	const char *bom = unicode_bom(in, n);

	if (!bom)
		return UR_OK;
	return ur_fail(err, UR_INPUT,
		       _("the file is %s (it begins with that byte-order mark); urikake reads "
			 "UTF-8, CP932 and GB18030: save it as UTF-8"), bom);
}

/* Whether text that is not valid UTF-8 is still UTF-8 with a few bad bytes
 * (two good multi-byte characters or more for each bad byte, where CP932
 * or GB18030 text makes a valid one by chance for some fifty bad bytes),
 * or ASCII with a stray byte: no two non-ASCII bytes in a row, where every
 * CP932 or GB18030 text has some (a kanji's two bytes, a word of
 * half-width kana). Either way its bad byte is named as not UTF-8, not
 * decoded as mojibake. */
static bool
utf8_with_bad_bytes(const char *in, size_t n)
{
	size_t good = 0, bad = 0, i = 0;
	bool pair = false;
	uint32_t cp;

	while (i < n) {
		size_t k = utf8_decode(in + i, n - i, &cp);

		if (k > 1)
			good++;
		else if ((unsigned char)in[i] >= 0x80)
			bad++;
		i += k;
	}
	for (i = 0; i + 1 < n && !pair; i++)
		pair = (unsigned char)in[i] >= 0x80 && (unsigned char)in[i + 1] >= 0x80;
	return good >= 2 * bad || !pair;
}

const char *
charset_detect(const char *in, size_t n)
{
	size_t len = n < SAMPLE_MAX ? n : SAMPLE_MAX, bad;
	struct hanzi_set hs;
	long jp, cn;

	if (utf8_valid(in, len, &bad) ||
	    (len < n && utf8_truncated(in + bad, len - bad)) ||
	    unicode_bom(in, len) || utf8_with_bad_bytes(in, len))
		return "UTF-8";
	hanzi_set_build(&hs);
	jp = score_cp932((const unsigned char *)in, len);
	cn = score_gb18030((const unsigned char *)in, len, &hs);
	return cn > jp ? "GB18030" : "CP932";
}
