# ccb.profile — 中国建设银行 (CCB) corporate account detail export (账户明细):
# 账号, 账户名称, 交易时间, 借方发生额（支取）, 贷方发生额（收入）, 余额, 币种,
# 对方户名, 对方账号, 对方开户机构, 记账日期, 摘要, 备注, 账户明细编号-交易流水号
# Keys are described in data/bank-profiles/README.
name = ccb
description = 中国建设银行 对公账户明细 CSV (贷方发生额（收入）/借方发生额（支取）)
encoding = auto
currency = CNY
header = 交易时间, 贷方发生额, 记账日期
skip = 本页小计, 承上页, 转下页, 合计, 小计, 总计, 期初余额, 期末余额, 交易笔数
account = 账号
account_label = 账号, 帐号
date = 记账日期, 交易时间
value_date = 交易时间
credit = 贷方发生额（收入）, 贷方发生额
debit = 借方发生额（支取）, 借方发生额
balance = 余额
currency_column = 币种
payer = 对方户名
payer_account = 对方账号
payer_bank = 对方开户机构
memo = 摘要, 备注
reference = 账户明细编号-交易流水号, 交易流水号, 流水号
