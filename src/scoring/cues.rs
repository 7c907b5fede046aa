//! Stage 3 of the scorer: the cue words that turn a statement round, found
//! greedily longest-first so 不对, 没错, 不应该 and "nothing wrong" are one cue
//! each. Denials (不, 没, not, no, 谁能…？), warnings (不要, 避免, should not,
//! avoid), condemnations (错, 不足, wrong, bad, 本该) and approvals (是对的,
//! 合理, fine, reasonable). Some look-alikes are inert and consumed so they
//! count as nothing: 不满, 非常, right away, A-not-A questions (能不能, 有没有),
//! and naming a failure (没有提供, 没有看到, failed to). How the cues of a clause
//! decide a match is in [`super::polarity`].

use crate::support::normalize::word_fits;
use std::collections::HashMap;
use std::sync::OnceLock;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Cue {
    /// 不, 没, not: flips any statement.
    Deny,
    /// 不要, 避免, should not: warns against.
    Warn,
    /// 错, 不足, wrong: judges as bad.
    Condemn,
    /// 是对的, 合理, fine: judges as good.
    Approve,
    /// Looks like a cue but is not (不满, 非常, right away): consumed, ignored.
    Inert,
}

#[rustfmt::skip]
const DENY: &[&str] = &[
    "不", "没", "无", "未", "非", "并非", "毫无", "从未", "绝非", "未必", "not", "no", "never", "without", "nothing", "none", "nor",
    "neither", "hardly", "no longer", "nobody", "no one",
    // Rhetorical questions deny: "谁能拿到对手的销售记录？".
    "谁能", "谁会", "怎么可能", "哪能", "哪里能", "何必", "who can", "who could", "how could", "how can",
];
#[rustfmt::skip]
const WARN: &[&str] = &[
    "不要", "不能", "不应", "不该", "不可", "不得", "不准", "不许", "不宜", "别", "勿", "切忌", "切勿", "千万不", "禁止", "避免", "杜绝", "防止", "以免",
    "免得", "忌", "do not", "should not", "must not", "can not", "cannot", "shall not", "ought not", "may not", "avoid",
    "avoided", "avoiding", "instead of", "rather than", "stop", "refrain",
];
#[rustfmt::skip]
const CONDEMN: &[&str] = &[
    "错", "不对", "不妥", "欠妥", "不当", "不好", "不足", "缺点", "缺陷", "弊端", "弊病", "坏处", "毛病", "失误", "过失", "过错", "不合理", "不合适",
    "不恰当", "不专业", "不礼貌", "不尊重", "不公平", "不公", "不可取", "不正确", "有问题", "问题在于", "问题是", "太", "过于", "破坏", "损害", "伤害", "违反",
    "违背", "混淆", "糟糕", "差劲", "失职", "欠缺", "缺乏", "败招", "误区", "粗暴", "无礼", "失礼", "过分", "冒失", "不够", "不行", "不明智", "不理智",
    "不负责", "不称职", "草率", "得不偿失", "要不得", "不可接受", "不像话", "wrong", "mistake", "mistaken", "mistakes", "bad", "badly",
    "inappropriate", "unprofessional", "improper", "poor", "poorly", "fault", "flaw", "flawed", "flaws", "weakness",
    "weaknesses", "a problem", "the problem", "problematic", "too", "damage", "damages", "damaging", "damaged",
    "harm", "harms", "harmful", "hurt", "hurts", "hurting", "ruin", "ruins", "ruined", "spoil", "spoils", "spoiled",
    "violate", "violates", "violated", "violating", "undermine", "undermines", "unfair", "unacceptable", "rude",
    "harsh", "error", "errors", "lack", "lacks", "lacking", "fail", "fails", "failed", "failure", "drawback",
    "downside", "terrible", "awful", "unreasonable", "careless", "disrespectful", "crossed", "breaks", "broke",
    // Counterfactuals judge what was done: "本该关起门来说", "should have".
    "本该", "本应", "本来应该", "理应", "should have", "可惜", "遗憾",
];
#[rustfmt::skip]
const APPROVE: &[&str] = &[
    "对的", "是对的", "做得对", "没错", "没有错", "不错", "正确", "合理", "应该", "应当", "理所当然", "可以理解", "无可厚非", "情有可原", "很好", "挺好", "好的",
    "没问题", "没有问题", "没什么问题", "没关系", "有道理", "有必要", "必要", "值得", "就该", "就要", "活该", "该骂", "才是关键", "是关键", "最重要", "应有", "可取",
    "优点", "好处", "高明", "有效", "做得好", "说得对", "说得有道理", "合适", "恰当", "妥当", "规范", "公平", "没什么不足", "没有什么不足", "没有不足", "没有缺点",
    "fine", "is right", "was right", "are right", "were right", "right to", "all right", "quite right", "correct",
    "ok", "okay", "good", "acceptable", "justified", "appropriate", "reasonable", "should", "must", "deserved",
    "deserves", "nothing wrong", "no problem", "not a problem", "not wrong", "makes sense", "fair", "sensible",
    "smart", "wise", "effective", "necessary", "valid", "proper",
];
#[rustfmt::skip]
const INERT: &[&str] = &[
    "不满", "不仅", "不断", "不少", "不同", "不久", "不但", "不管", "不论", "不住", "不得不", "不停", "不禁", "不已", "不妨", "不光", "不一定", "不如",
    "不然", "不安", "不悦", "不快", "不便", "不好意思", "不舒服", "不自在", "不愉快", "不开心", "不高兴", "不爽", "不痛快", "不耐烦", "不放心", "不信任", "不满意",
    "不适", "没面子", "没有面子", "没脑子", "没有脑子", "长没长脑子", "无论", "无数", "无比", "非常", "非要", "非得", "未来", "没想到", "无微不至", "除非", "是非",
    "无疑", "毫不犹豫", "无形", "无限", "无奈", "无辜", "没准", "太太", "别人", "别的", "别处", "别家", "区别", "特别", "分别", "类别", "级别", "个别",
    "告别", "识别", "差别", "性别", "无时无刻", "right away", "right in", "right now", "right there", "right after", "right on",
    "not only", "not just", "no matter", "no doubt", "good faith", "good will",
    // "No" said, not meant: "never just say no", "不说“不”".
    "say no", "says no", "said no", "saying no", "说不",
    // A-not-A questions ask, they do not deny: "能不能加急", "有没有替代型号".
    "能不能", "是不是", "会不会", "要不要", "可不可以", "有没有", "对不对", "好不好", "行不行", "该不该", "用不用", "肯不肯", "愿不愿意", "需不需要", "够不够", "来不来",
    // Failing to do something names it: "没有提供其他办法", "did not offer".
    "没有提供", "没提供", "未提供", "没有给出", "没给出", "没有主动", "没主动", "没有及时", "没及时", "未能", "没能", "没有做到", "没做到", "没想过", "没有想过",
    "没有考虑", "没考虑", "did not offer", "never offered", "failed to", "fails to", "did not provide", "no attempt",
    // Missing something is not denying it: "没有看到长远利益" names the idea.
    "没有看到", "没看到", "看不到", "没有意识到", "没意识到", "意识不到", "没有认识到", "没认识到", "认识不到", "忽视", "忽略", "不懂", "不明白", "不理解", "不知道",
    "fails to see", "failed to see", "does not see", "did not see", "ignores", "ignored", "overlooks", "overlooked",
    "does not realise", "does not realize", "did not realise", "did not realize", "does not understand", "forgets",
    "forgot",
];

struct CueTable {
    /// First character → (word, class), longest first.
    by_first: HashMap<char, Vec<(&'static str, Cue)>>,
}

fn cue_table() -> &'static CueTable {
    static TABLE: OnceLock<CueTable> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut by_first: HashMap<char, Vec<(&'static str, Cue)>> = HashMap::new();
        for (list, cue) in [
            (DENY, Cue::Deny),
            (WARN, Cue::Warn),
            (CONDEMN, Cue::Condemn),
            (APPROVE, Cue::Approve),
            (INERT, Cue::Inert),
        ] {
            for &w in list {
                if let Some(c) = w.chars().next() {
                    by_first.entry(c).or_default().push((w, cue));
                }
            }
        }
        for v in by_first.values_mut() {
            crate::support::sort::by(v, |a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(b.0)).is_lt());
        }
        CueTable { by_first }
    })
}

/// Every cue in the text, greedily longest-first, left to right.
pub(super) fn find_cues(text: &str) -> Vec<(usize, usize, Cue)> {
    let table = cue_table();
    let mut cues = Vec::new();
    let mut i = 0;
    while i < text.len() {
        let Some(c) = text[i..].chars().next() else { break };
        let mut step = c.len_utf8();
        if let Some(cands) = table.by_first.get(&c) {
            for &(w, cue) in cands {
                let stem = w.len() >= 6 && w.chars().all(|c| c.is_ascii_alphabetic());
                if text[i..].starts_with(w) && word_fits(text, i, i + w.len(), stem) {
                    if cue != Cue::Inert {
                        cues.push((i, i + w.len(), cue));
                    }
                    step = w.len();
                    break;
                }
            }
        }
        i += step;
    }
    cues
}
