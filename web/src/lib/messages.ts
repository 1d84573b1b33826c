// Every text a person reads, in Portuguese (pt-BR), in one place.
import type { Category, DeadLetterService, MovementType, OrderReason, OrderStatus, PaymentStatus, Role } from './types';

export const categories: Record<Category, string> = {
  PIZZA: 'Pizzas',
  SIDE: 'Acompanhamentos',
  DRINK: 'Bebidas',
  DESSERT: 'Sobremesas',
};

export const categoryOrder: Category[] = ['PIZZA', 'SIDE', 'DRINK', 'DESSERT'];

export const orderStatus: Record<OrderStatus, string> = {
  PENDING: 'Recebido',
  AWAITING_PAYMENT: 'Aguardando pagamento',
  CONFIRMED: 'Confirmado',
  PREPARING: 'Em preparo',
  OUT_FOR_DELIVERY: 'Saiu para entrega',
  DELIVERED: 'Entregue',
  REJECTED: 'Recusado',
  CANCELLED: 'Cancelado',
};

export const orderReason: Record<OrderReason, string> = {
  OUT_OF_STOCK: 'Faltaram ingredientes para o seu pedido.',
  PAYMENT_DECLINED: 'O pagamento foi recusado.',
  CANCELLED_BY_CUSTOMER: 'Você cancelou o pedido.',
  CANCELLED_BY_ADMIN: 'A pizzaria cancelou o pedido.',
  EXPIRED: 'O pedido expirou antes de ser decidido.',
};

/** Why the card was declined (payments' reasons). */
export const declineReason: Record<string, string> = {
  DECLINED: 'o banco emissor recusou o cartão',
  INSUFFICIENT_FUNDS: 'saldo insuficiente',
  INVALID_CARD: 'cartão inválido',
  PROCESSOR_ERROR: 'a operadora do cartão falhou; tente de novo',
  PROCESSOR_TIMEOUT: 'a operadora do cartão não respondeu a tempo; tente de novo',
  PROCESSOR_UNAVAILABLE: 'a operadora do cartão está indisponível no momento; tente em instantes',
  CANCELLED: 'o pedido foi cancelado antes da cobrança',
};

export const paymentStatus: Record<PaymentStatus, string> = {
  AUTHORIZED: 'Autorizado',
  CAPTURED: 'Cobrado',
  DECLINED: 'Recusado',
  VOIDED: 'Estornado (autorização desfeita)',
  REFUNDED: 'Reembolsado',
};

export const roles: Record<Role, string> = { customer: 'Cliente', kitchen: 'Cozinha', admin: 'Administração' };

/** The fake processor's test cards (API.md, Payments), labelled for a person. */
export const testCards: { token: string; label: string }[] = [
  { token: 'tok_approved', label: 'Cartão de teste aprovado' },
  { token: 'tok_declined', label: 'Cartão de teste recusado pelo banco' },
  { token: 'tok_insufficient_funds', label: 'Cartão de teste sem saldo' },
  { token: 'tok_error', label: 'Cartão de teste com falha na operadora' },
  { token: 'tok_slow', label: 'Cartão de teste lento (3 s)' },
];

/** Field names of the API (violations' `field`) as a person calls them. */
export const fieldLabels: Record<string, string> = {
  name: 'Nome',
  email: 'E-mail',
  password: 'Senha',
  phone: 'Telefone',
  'address.street': 'Rua',
  'address.number': 'Número',
  'address.complement': 'Complemento',
  'address.district': 'Bairro',
  'address.city': 'Cidade',
  'address.state': 'UF',
  'address.postalCode': 'CEP',
  items: 'Itens',
  'payment.cardToken': 'Cartão',
};

/** The services' validation messages (English) in Portuguese; anything else is shown as it came. */
const serverMessages: [RegExp, string][] = [
  [/^must not be (blank|null|empty)$/i, 'Preencha este campo.'],
  [/^must be a well-formed email address$/i, 'Informe um e-mail válido.'],
  [/^size must be between (\d+) and (\d+)$/i, 'Deve ter entre $1 e $2 caracteres.'],
  [/^must be a Brazilian state.*$/i, 'Informe a UF, por exemplo SP.'],
  [/^must be a CEP.*$/i, 'Informe um CEP como 01310-100.'],
  [/^must be a Brazilian phone number.*$/i, 'Informe um telefone com DDD, como (11) 98765-4321.'],
  [/^must be greater than or equal to (\d+)$/i, 'Deve ser no mínimo $1.'],
  [/^must be less than or equal to (\d+)$/i, 'Deve ser no máximo $1.'],
  [/^must list each product once$/i, 'Cada produto só pode aparecer uma vez.'],
  [/^must be greater than 0$/i, 'Deve ser maior que zero.'],
  [/^must list at least one ingredient$/i, 'A receita precisa de pelo menos um ingrediente.'],
  [/^must be the start of an order id.*$/i, 'Informe o começo do número do pedido (algarismos, letras de a a f e hífens).'],
  [/^must be a date such as.*$/i, 'Informe uma data válida.'],
  [/^must be an ISO-8601 instant.*$/i, 'Informe data e hora válidas.'],
];

export function translateServerMessage(message: string): string {
  for (const [pattern, text] of serverMessages) {
    if (pattern.test(message)) return message.replace(pattern, text);
  }
  return message;
}

export const t = {
  brand: 'Forno Pizzaria',
  menu: 'Cardápio',
  cart: 'Carrinho',
  myOrders: 'Meus pedidos',
  signIn: 'Entrar',
  signUp: 'Criar conta',
  signOut: 'Sair',
  console: 'Console',
  loading: 'Carregando…',
  soldOut: 'Esgotado',
  left: (n: number) => (n === 1 ? 'resta 1' : `restam ${n}`),
  add: 'Adicionar',
  addTo: (name: string) => `Adicionar ${name} ao carrinho`,
  added: (name: string) => `${name} adicionado ao carrinho.`,
  maxReached: (n: number) => `Só há ${n} disponível(is) agora.`,
  emptyCart: 'Seu carrinho está vazio.',
  seeMenu: 'Ver o cardápio',
  total: 'Total',
  quantity: 'Quantidade',
  remove: 'Remover',
  increase: (name: string) => `Mais um ${name}`,
  decrease: (name: string) => `Menos um ${name}`,
  checkout: 'Finalizar pedido',
  placing: 'Enviando pedido…',
  retry: 'Tentar de novo',
  deliveryAddress: 'Endereço de entrega',
  card: 'Cartão (teste)',
  signInToOrder: 'Entre ou crie uma conta para finalizar o pedido. Seu carrinho fica guardado.',
  sessionExpired: 'Sua sessão expirou. Entre de novo: seu carrinho continua guardado.',
  menuUnavailable: 'Não foi possível carregar o cardápio. Tentando de novo…',
  menuEmpty: 'O cardápio está vazio no momento.',
  unavailableInCart: (name: string) => `${name} esgotou: remova-o do carrinho para continuar.`,
  tooManyInCart: (name: string, n: number) => `${name}: só há ${n} disponível(is) agora.`,
  networkError: 'Não foi possível falar com a pizzaria. Verifique sua conexão e tente de novo.',
  genericError: 'Algo deu errado. Tente de novo em instantes.',
  forYou: 'Para você',
  orderTitle: (id: string) => `Pedido ${id.slice(0, 8)}`,
  timeline: 'Acompanhamento',
  items: 'Itens',
  cancelOrder: 'Cancelar pedido',
  cancelConfirm: 'Cancelar este pedido?',
  orderConfirmed: 'Pedido confirmado! Já vamos preparar.',
  orderWaiting: 'Recebemos seu pedido e estamos confirmando o estoque e o pagamento…',
  missing: 'Faltou',
  declinedBecause: (reason: string) => `Pagamento recusado: ${reason}.`,
  stockBack: 'Nada foi cobrado e os itens voltaram ao estoque.',
  noOrders: 'Você ainda não fez pedidos.',
  notFound: 'Página não encontrada.',
  backHome: 'Voltar ao cardápio',
  emailTaken: 'Este e-mail já está cadastrado.',
  wrongCredentials: 'E-mail ou senha incorretos.',
  tooManyRequests: 'Muitas tentativas seguidas. Aguarde um instante e tente de novo.',
  unavailable: 'A pizzaria está indisponível no momento. Tente de novo em instantes.',
  forbidden: 'Você não tem permissão para isso.',
  staffOnly: 'Esta área é só para a equipe da pizzaria.',
};

// --- the console (/admin) -----------------------------------------------------------------------------------------

export const movementTypes: Record<MovementType, string> = {
  RESTOCK: 'Reposição (entrada)',
  WASTE: 'Perda (saída)',
  ADJUSTMENT: 'Ajuste de contagem (+/−)',
};

/** Ledger lines by type: the manual ones and those the order saga writes. */
export const ledgerTypes: Record<string, string> = {
  RESTOCK: 'Reposição',
  WASTE: 'Perda',
  ADJUSTMENT: 'Ajuste',
  SALE: 'Venda (pedido confirmado)',
  RESERVE: 'Reserva de pedido',
  RELEASE: 'Reserva liberada',
  EXPIRE: 'Reserva expirada',
};

export const units: Record<string, string> = { g: 'gramas', ml: 'mililitros', unit: 'unidades' };

/** What the kitchen does to move an order on, by the status it is in. */
export const kitchenAction: Partial<Record<OrderStatus, string>> = {
  CONFIRMED: 'Começar preparo',
  PREPARING: 'Saiu para entrega',
  OUT_FOR_DELIVERY: 'Entregue',
};

/** Services whose dead letters the console shows (those with queues of their own), as a person calls them. */
export const deadLetterServices: { service: DeadLetterService; label: string }[] = [
  { service: 'orders', label: 'Pedidos' },
  { service: 'stock', label: 'Estoque' },
  { service: 'payments', label: 'Pagamentos' },
  { service: 'users', label: 'Usuários' },
];

/** The chatbot's figures (its data's field names) as column titles. */
export const chatFields: Record<string, string> = {
  name: 'Nome',
  ingredient: 'Ingrediente',
  sku: 'Código',
  category: 'Categoria',
  quantity: 'Quantidade',
  units: 'Unidades',
  revenueCents: 'Receita',
  averageCents: 'Ticket médio',
  orders: 'Pedidos',
  status: 'Situação',
  reason: 'Motivo',
  count: 'Quantidade',
  unit: 'Unidade',
  available: 'Disponível',
  lowStockThreshold: 'Mínimo',
  dailyUse: 'Uso por dia',
  daysLeft: 'Dias restantes',
  runsOutOn: 'Acaba em',
  why: 'Por quê',
  hour: 'Hora',
  total: 'Total',
  payments: 'Pagamentos',
  declined: 'Recusados',
  failureRatePercent: 'Falhas (%)',
  cancelled: 'Cancelados',
  rejectedOrders: 'Pedidos recusados',
  currency: 'Moeda',
  zone: 'Fuso horário',
  from: 'De',
  to: 'Até',
  days: 'Dias',
  customerId: 'Cliente (id)',
  used: 'Usado',
  product: 'Produto',
  customer: 'Cliente',
  compare: 'Comparado com',
  current: 'Período pedido',
  previous: 'Comparado com',
};

/** What the chatbot could not filter by, in words. */
export const chatDimensions: Record<string, string> = {
  payment_method: 'forma de pagamento',
  neighbourhood: 'bairro ou região',
  channel: 'canal de venda',
  delivery_type: 'entrega ou retirada',
  size: 'tamanho',
  time_of_day: 'hora do dia',
  coupon: 'cupom ou promoção',
  category: 'categoria',
  product: 'produto',
  ingredient: 'ingrediente',
  status: 'situação do pedido',
  customer: 'cliente',
  compare: 'comparação de períodos',
};

/** The stock service's 409s for a movement, by their problem type. */
export const movementConflicts: Record<string, string> = {
  'negative-stock': 'Não há tanto em estoque: esta movimentação deixaria o estoque negativo.',
  'below-reserved':
    'Parte deste estoque está reservada para pedidos em andamento: a movimentação deixaria menos do que o reservado. Espere esses pedidos serem confirmados ou liberados.',
};

export const a = {
  title: 'Console da pizzaria',
  nav: 'Console',
  dashboard: 'Painel',
  kitchen: 'Cozinha',
  stock: 'Estoque',
  products: 'Produtos',
  orders: 'Pedidos',
  users: 'Usuários',
  deadLetters: 'Mensagens com falha',
  chat: 'Assistente',
  updatedAt: (time: string) => `Atualizado às ${time}`,
  showNumbers: 'Ver os números',

  // dashboard
  salesPerDay: 'Vendas por dia',
  salesHint: 'Pedidos confirmados nos últimos 30 dias, pelo dia da pizzaria.',
  today: 'Hoje',
  last30: 'Nos 30 dias',
  ordersCount: (n: number) => (n === 1 ? '1 pedido' : `${n} pedidos`),
  day: 'Dia',
  revenue: 'Receita',
  ordersHeader: 'Pedidos',
  averageTicket: 'Ticket médio',
  inProgress: 'Pedidos em processamento',
  inProgressHint: 'Agora, por etapa; atualiza a cada 5 segundos.',
  inProgressTotal: (n: number) => (n === 1 ? '1 pedido em andamento' : `${n} pedidos em andamento`),
  oldestWaiting: (minutes: number) => `o mais antigo espera há ${minutes} min`,
  paymentFailures: 'Taxa de falha de pagamentos',
  paymentFailuresHint: 'Pagamentos recusados sobre tentativas.',
  byHourToday: 'Hoje, por hora',
  byDay30: '30 dias, por dia',
  attempts: 'Tentativas',
  declinedHeader: 'Recusados',
  failureRate: 'Taxa de falha',
  when: 'Quando',
  lowStock: 'Estoque baixo',
  lowStockHint: 'Ingredientes abaixo do mínimo, e quantas unidades de cada produto ainda dá para fazer com eles.',
  noLowStock: 'Nenhum ingrediente abaixo do mínimo.',
  stillAllows: 'Ainda dá para',
  usedByNone: 'nenhum produto ativo usa',
  threshold: 'Mínimo',

  // kitchen
  kitchenHint: 'Pedidos confirmados, por etapa. Um clique leva o pedido à próxima; o quadro se atualiza sozinho.',
  noCards: 'Nenhum pedido aqui.',
  oldestShown: (shown: number, total: number) => `Mostrando os ${shown} mais antigos de ${total}.`,
  placedAt: (time: string) => `feito às ${time}`,
  stepTaken: 'Este pedido já mudou de etapa (outra pessoa o moveu, ou ele foi cancelado). O quadro foi atualizado.',

  // stock
  ingredient: 'Ingrediente',
  available: 'Disponível',
  onHand: 'Em estoque',
  reserved: 'Reservado',
  low: 'baixo',
  movement: 'Movimentar',
  movementType: 'Tipo',
  quantityIn: (unit: string) => `Quantidade (${unit})`,
  adjustmentHint: 'Um ajuste pode ser negativo (ex.: −200 depois de uma contagem).',
  reason: 'Motivo',
  reasonHint: 'Obrigatório: fica no histórico.',
  record: 'Registrar',
  recorded: 'Movimentação registrada: está no histórico abaixo.',
  ledger: 'Histórico de movimentações',
  change: 'Variação',
  after: 'Saldo depois',
  order: 'Pedido',
  older: 'Mais antigos',
  newer: 'Mais recentes',
  back: 'Voltar',
  ingredientNotFound: 'Ingrediente não encontrado.',
  quantityRequired: 'Informe uma quantidade inteira.',
  quantityPositive: 'Para reposição e perda, informe uma quantidade maior que zero.',
  quantityNonZero: 'O ajuste não pode ser zero.',
  reasonRequired: 'Diga o motivo.',

  // products
  newProduct: 'Novo produto',
  editProduct: (name: string) => `Editar ${name}`,
  name: 'Nome',
  description: 'Descrição',
  category: 'Categoria',
  price: 'Preço (R$)',
  priceHeader: 'Preço',
  priceHint: 'Por exemplo 45,90.',
  active: 'Ativo (aparece no cardápio)',
  inactive: 'inativo',
  recipe: 'Receita (por unidade vendida)',
  addIngredient: 'Adicionar ingrediente',
  removeLine: (n: number) => `Remover o ingrediente ${n} da receita`,
  lineIngredient: (n: number) => `Ingrediente ${n}`,
  lineQuantity: (n: number) => `Quantidade ${n}`,
  save: 'Salvar',
  create: 'Criar produto',
  saved: (name: string) => `${name} salvo.`,
  nameTaken: 'Já existe um produto com este nome.',
  canMake: 'Dá para fazer',
  sale: 'Venda',
  soldOutManual: 'Esgotado (manual)',
  soldOutUntil: (when: string) => `Esgotado até ${when}`,
  markSoldOut: (name: string) => `Marcar ${name} esgotado`,
  liftSoldOut: (name: string) => `Voltar a vender ${name}`,
  until: 'Até (opcional)',
  untilHint: 'Em branco: até ser liberado à mão.',
  untilPast: 'Escolha um horário no futuro.',
  nameRequired: 'Informe o nome.',
  priceInvalid: 'Informe um preço como 45,90.',
  recipeRequired: 'A receita precisa de pelo menos um ingrediente.',
  recipeSku: 'Escolha o ingrediente.',
  recipeQuantity: 'Informe uma quantidade inteira maior que zero.',
  recipeTwice: 'Cada ingrediente só pode aparecer uma vez.',

  // orders
  search: 'Buscar',
  idPrefix: 'Número do pedido (começo)',
  idPrefixHint: 'Os primeiros caracteres, como 3f1c2a4e.',
  status: 'Situação',
  anyStatus: 'Todas',
  dayFilter: 'Dia',
  clear: 'Limpar',
  noOrdersFound: 'Nenhum pedido encontrado.',
  created: 'Feito em',
  shownOf: (from: number, to: number, total: number) => `${from}–${to} de ${total}`,
  orderNotFound: 'Pedido não encontrado.',
  payments: 'Pagamentos',
  noPayments: 'Nenhum pagamento para este pedido.',
  shortages: 'Faltou',
  customer: 'Cliente',
  cancelAsAdmin: 'Cancelar pedido (administração)',
  cancelAsAdminConfirm: 'Cancelar este pedido? O cliente será avisado e o estoque e o pagamento serão liberados.',
  tooLateToCancel: 'Não dá mais para cancelar: o pedido já foi entregue ou encerrado.',
  backToOrders: 'Voltar aos pedidos',

  // users
  searchUsers: 'Nome ou e-mail',
  role: 'Papel',
  makeRole: 'Alterar papel',
  roleOf: (name: string) => `Papel de ${name}`,
  roleChanged: (name: string, role: string) => `${name} agora é ${role}.`,
  roleConfirm: (name: string, role: string) => `Tornar ${name} ${role}? As sessões abertas dessa pessoa serão encerradas.`,
  endSessions: 'Encerrar sessões',
  endSessionsOf: (name: string) => `Encerrar as sessões de ${name}`,
  endSessionsConfirm: (name: string) => `Encerrar todas as sessões de ${name}? A pessoa precisará entrar de novo em todos os aparelhos.`,
  sessionsEnded: (name: string) => `As sessões de ${name} foram encerradas: em poucos segundos nenhum serviço aceita mais os acessos antigos.`,
  lastAdmin: 'Esta é a última conta de administração: ela não pode deixar de sê-lo.',
  noUsers: 'Nenhum usuário encontrado.',
  since: 'Desde',

  // dead letters
  deadLettersHint:
    'Mensagens que falharam várias vezes param numa fila à parte. Corrija a causa e reenvie-as para a fila de onde vieram.',
  queue: 'Fila',
  inQueue: (n: number) => (n < 0 ? 'quantidade desconhecida' : n === 1 ? '1 mensagem' : `${n} mensagens`),
  noQueues: 'Este serviço não tem filas.',
  noLetters: 'Nenhuma mensagem com falha.',
  replay: (queue: string) => `Reenviar para ${queue}`,
  replayConfirm: (queue: string) => `Reenviar as mensagens com falha para ${queue}?`,
  replayed: (n: number, queue: string) => `${n} mensagem(ns) reenviada(s) para ${queue}.`,
  messageType: 'Tipo',
  messageId: 'Mensagem',
  correlation: 'Correlação',
  body: 'Conteúdo',

  // chat
  chatHint: 'Pergunte sobre vendas, estoque, pagamentos ou clientes, em português ou inglês.',
  question: 'Sua pergunta',
  ask: 'Perguntar',
  asking: 'Pensando…',
  chatExamples: ['Quais foram os produtos mais vendidos esta semana?', 'Qual a taxa de falha de pagamentos hoje?', 'O que está com estoque baixo?'],
  you: 'Você',
  assistant: 'Assistente',
  questionRequired: 'Escreva uma pergunta.',
  filteredBy: 'Filtros aplicados',
  notFilteredBy: 'Sem filtro por',
};
