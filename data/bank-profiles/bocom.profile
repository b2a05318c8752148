# bocom.profile — 交通银行 (BOCOM) corporate account detail export:
# 交易时间, 借方发生额, 贷方发生额, 账户余额, 对方账号, 对方户名, 摘要;
# our account (账号) and name (户名) stand in title rows above the table.
# Keys are described in data/bank-profiles/README.
name = bocom
description = 交通银行 对公账户明细 CSV (借方发生额/贷方发生额)
encoding = auto
currency = CNY
header = 交易时间, 贷方发生额, 账户余额
skip = 本页小计, 承上页, 转下页, 合计, 小计, 总计, 期初余额, 期末余额, 交易笔数
account_label = 账号, 帐号
date = 交易时间
credit = 贷方发生额
debit = 借方发生额
balance = 账户余额
payer = 对方户名
payer_account = 对方账号
memo = 摘要
reference = 交易流水号, 流水号
