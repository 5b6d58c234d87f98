//! The Chinese of the names validation gives the parts of a dataset (`what` in its
//! messages: "the panel title", "unknown source `x`"), so that each problem is said in both
//! languages where it is found.

use crate::dataset::Lang;

/// The Chinese name of a part of a dataset, given its English one; a name not in the table
/// stays as written (a field name, which reads the same in either language).
pub(super) fn zh(what: &str) -> &str {
    match what {
        "affiliation" => "所属机构",
        "author's name" => "作者姓名",
        "country name" => "国家名称",
        "country's value" => "国家的数值",
        "dataset summary" => "数据集摘要",
        "dataset title" => "数据集标题",
        "event label" => "事件标签",
        "fact kind" | "fact_kind" => "事实类型",
        "fact kind label" => "事实类型标签",
        "fact value" => "事实数值",
        "indicator" => "指标",
        "indicator label" => "指标标签",
        "item" => "条目",
        "items of an indicator" => "指标的条目",
        "language" => "语言",
        "note" => "备注",
        "observations in a series" => "序列中的观测值",
        "panel" => "面板",
        "panel summary" => "面板摘要",
        "panel title" => "面板标题",
        "point" => "要点",
        "publication" => "出版物",
        "qualifier" => "限定词",
        "quote" => "引文",
        "series value" => "序列数值",
        "source" => "来源",
        "source kind" => "来源类型",
        "source title" => "来源标题",
        "sub-point" => "子要点",
        "tab" => "标签页",
        "tab kind" => "标签页类型",
        "tab title" => "标签页标题",
        "target" => "目标",
        "unit" => "单位",
        "value" => "数值",
        other => other,
    }
}

/// A language's name in Chinese: "中文", "英文".
pub(super) fn language_zh(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "中文",
        Lang::En => "英文",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_names_of_parts_read_in_chinese_and_field_names_stay() {
        assert_eq!(zh("panel title"), "面板标题");
        assert_eq!(zh("fact_kind"), "事实类型");
        assert_eq!(zh("quote_missing"), "quote_missing");
    }
}
