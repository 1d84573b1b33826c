// Every text a person reads, in Portuguese (pt-BR), in one place.
import type { Category, OrderReason, OrderStatus, PaymentStatus, Role } from './types';

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
