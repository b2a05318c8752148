# cmb.profile — 招商银行 (CMB) account detail export: one signed amount
# (记账日期, 交易金额, 联机余额, 对手信息, 交易摘要, 货币); GBK, CRLF.
# Keys are described in data/bank-profiles/README.
name = cmb
description = 招商银行 账户明细 CSV (交易金额 signed: positive = 收入)
encoding = auto
currency = CNY
header = 记账日期, 交易金额, 联机余额
skip = 本页小计, 承上页, 转下页, 合计, 小计, 总计, 期初余额, 期末余额, 交易笔数
account_label = 账号, 帐号
date = 记账日期
amount = 交易金额
balance = 联机余额
currency_column = 货币
payer = 对手信息
memo = 交易摘要
reference = 流水号, 交易流水号
