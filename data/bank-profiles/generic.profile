# generic.profile — any CSV with a date and one signed amount (positive =
# money in), e.g. one you make yourself. Copy it to
# ~/.config/urikake/bank-profiles/ and edit the names and currency to suit.
# Keys are described in data/bank-profiles/README.
name = generic
description = Generic CSV: date, signed amount, payer, memo, reference
encoding = auto
currency = JPY
header = date|日付|取引日|交易日期|记账日期|入账日期, amount|金額|金额|交易金额|交易发生金额|发生额
skip = 合計, 小計, 合计, 小计, 总计, 本页小计, 承上页, 转下页
date = date, 日付, 取引日, 交易日期, 记账日期, 入账日期
value_date = value_date, 起算日
amount = amount, 金額, 金额, 交易金额, 交易发生金额, 发生额
currency_column = currency, 通貨, 币种, 币别, 货币
payer = payer, 振込依頼人名, 依頼人名, 对方户名, 对方名称, 对方单位名称, 交易对方, 对手信息
payer_account = payer_account, 对方账号, 对方账户, 对方帐号, 对方卡号
memo = memo, 摘要, 用途, 附言, 备注
reference = reference, 照会番号, 流水号, 交易流水号, 银行流水号, 回单号
